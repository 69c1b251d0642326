// Destinations offered in pickers, with names in the UI language from the browser's Intl data (no dictionary).

/** ISO codes of destinations that the rules treat differently (China, Macau, D:5, Middle East, allies). */
export const DESTINATIONS = [
  "CN",
  "HK",
  "MO",
  "RU",
  "IR",
  "KP",
  "VN",
  "MY",
  "SG",
  "IN",
  "AE",
  "SA",
  "IL",
  "TW",
  "KR",
  "JP",
  "DE",
  "GB",
  "NL",
  "US",
] as const;

/** "China" / "中国" for CN; the code itself where Intl has no name. */
export function countryName(code: string, lang: string): string {
  try {
    return new Intl.DisplayNames([lang === "zh" ? "zh-CN" : "en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code; // an invalid code: show it as typed
  }
}
