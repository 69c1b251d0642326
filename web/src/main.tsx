// Web app entry: mounts the app; everything it computes runs here in the browser with the bundled library.
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.js";
import { LangProvider, initialLang } from "./i18n/index.js";
import "./styles.css";

document.documentElement.lang = initialLang() === "zh" ? "zh-CN" : "en";
const el = document.getElementById("root");
if (el)
  createRoot(el).render(
    <StrictMode>
      <LangProvider>
        <App />
      </LangProvider>
    </StrictMode>,
  );
