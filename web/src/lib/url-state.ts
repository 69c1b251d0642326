// App state in the URL: the path picks the page, the query holds its inputs, so a link reproduces the view.
import { useCallback, useSyncExternalStore } from "react";

const EVENT = "suanli:navigate";

function subscribe(cb: () => void): () => void {
  window.addEventListener("popstate", cb);
  window.addEventListener(EVENT, cb);
  return () => {
    window.removeEventListener("popstate", cb);
    window.removeEventListener(EVENT, cb);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path and query, re-rendering on navigation. */
export function useLocation(): { path: string; query: URLSearchParams } {
  const href = useSyncExternalStore(subscribe, snapshot, snapshot);
  const url = new URL(href, "http://x");
  return { path: url.pathname, query: url.searchParams };
}

/** Goes to another page (a new history entry). */
export function navigate(to: string): void {
  window.history.pushState(null, "", to);
  window.dispatchEvent(new Event(EVENT));
  window.scrollTo(0, 0);
}

/** Patches the query of the current page in place (no new history entry); null or "" removes a key. */
export function setQuery(patch: Record<string, string | number | null | undefined>): void {
  const url = new URL(window.location.href);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined || v === "") url.searchParams.delete(k);
    else url.searchParams.set(k, String(v));
  }
  window.history.replaceState(null, "", url.pathname + url.search);
  window.dispatchEvent(new Event(EVENT));
}

/** One query parameter with a default: `[value, set]`. The default is never written into the URL. */
export function useParam(key: string, fallback: string): [string, (v: string) => void] {
  const { query } = useLocation();
  const value = query.get(key) ?? fallback;
  const set = useCallback((v: string) => setQuery({ [key]: v === fallback ? null : v }), [key, fallback]);
  return [value, set];
}

/** A list parameter (comma-separated) with a default. */
export function useListParam(key: string, fallback: readonly string[]): [string[], (v: string[]) => void] {
  const [raw, set] = useParam(key, fallback.join(","));
  const list = raw.split(",").filter((s) => s.length > 0);
  return [list, (v: string[]) => set(v.join(","))];
}
