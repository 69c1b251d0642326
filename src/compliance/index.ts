// Export-control engine: metrics, rule dates, destinations, classification, what-if and the timeline.
export * from "./metrics.js";
export * from "./criteria.js";
export * from "./destinations.js";
export * from "./in-force.js";
export * from "./evaluate-rule.js";
export * from "./classify.js";
export * from "./what-if.js";
export * from "./timeline.js";

/** Printed with every classification: this is information, not legal advice. */
export const NOT_LEGAL_ADVICE =
  "Information from public sources, not legal advice: export decisions need the rule texts, BIS guidance and counsel.";
