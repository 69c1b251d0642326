// Validation against published measurements: case format, prediction, fitting and the report.
export * from "./case-schema.js";
export * from "./family-bands.js";
export * from "./fit.js";
export * from "./predict-case.js";
export * from "./predict-inference.js";
export * from "./prediction.js";
export * from "./run.js";
