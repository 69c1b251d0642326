// The app shell: header with pages and the language switch, the page for the URL's path, and the provenance line.
import type { ReactNode } from "react";
import { metaOf } from "../../src/index.js";
import { useLang } from "./i18n/index.js";
import type { MessageKey } from "./i18n/en.js";
import { navigate, useLocation } from "./lib/url-state.js";
import { AccuracyPage } from "./pages/accuracy.js";
import { CatalogPage } from "./pages/catalog.js";
import { ComparePage } from "./pages/compare.js";
import { ExportControlsPage } from "./pages/export-controls.js";
import { ServingPage } from "./pages/serving.js";
import { TrainingPage } from "./pages/training.js";

interface PageDef {
  path: string;
  label: MessageKey;
  render: () => ReactNode;
}

/** The pages, in menu order. A page appears when the library it renders exists. */
export const PAGES: PageDef[] = [
  { path: "/", label: "nav.compare", render: () => <ComparePage /> },
  { path: "/serving", label: "nav.serving", render: () => <ServingPage /> },
  { path: "/training", label: "nav.training", render: () => <TrainingPage /> },
  { path: "/export", label: "nav.export", render: () => <ExportControlsPage /> },
  { path: "/catalog", label: "nav.catalog", render: () => <CatalogPage /> },
  { path: "/accuracy", label: "nav.accuracy", render: () => <AccuracyPage /> },
];

function Link({ to, children, active }: { to: string; children: ReactNode; active: boolean }) {
  return (
    <a
      href={to}
      className={active ? "on" : ""}
      aria-current={active ? "page" : undefined}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

export function App() {
  const { t, lang, setLang } = useLang();
  const { path } = useLocation();
  const page = PAGES.find((p) => p.path === path) ?? null;
  const meta = metaOf();
  return (
    <div className="app" data-lang={lang}>
      <header>
        <h1>
          <Link to="/" active={false}>
            算力 <span>suanli</span>
          </Link>
        </h1>
        <nav>
          {PAGES.map((p) => (
            <Link key={p.path} to={p.path} active={p === page}>
              {t(p.label)}
            </Link>
          ))}
        </nav>
        <button
          className="lang"
          data-testid="lang-switch"
          onClick={() => setLang(lang === "en" ? "zh" : "en")}
          title={t("lang.switchTitle")}
        >
          {lang === "en" ? "中文" : "English"}
        </button>
      </header>
      <main>{page ? page.render() : <p data-testid="not-found">{t("app.notFound")}</p>}</main>
      <footer data-testid="provenance">
        {t("app.provenance", {
          version: meta.version,
          catalogDate: meta.catalogDate,
          rulesAsOf: meta.rulesAsOf,
        })}
        {" · "}
        {t("app.notAdvice")}
        {" · "}
        <a href="/docs">{t("app.apiDocs")}</a>
      </footer>
    </div>
  );
}
