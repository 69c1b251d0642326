// The cost layer: capex, power, energy, $/M tokens and training-run cost, every assumption named and sourced.
export * from "./assumptions-parse.js";
export * from "./assumptions.js";
export * from "./capex.js";
export * from "./energy.js";
export * from "./fleet.js";
export * from "./fx-rates.js";
export * from "./fx.js";
export * from "./power.js";
export * from "./price.js";
export * from "./purchase-price.js";
export * from "./summary.js";
