// Every HTTP API request/response schema, from one module without Node imports: the server validates with them and
// the web app builds its inputs with them (the dependency rule lets web/ import this file and nothing else in server/).
export * from "./api-schemas-common.js";
export * from "./api-schemas-compliance.js";
export * from "./api-schemas-engine.js";
export * from "./api-schemas-plans.js";
export * from "./api-schemas-validation.js";
