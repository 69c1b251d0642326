// Dependency rules: the pipeline of shared/DESIGN.md, enforced (npm run deps; part of npm test).
// units ← catalog ← compliance; catalog ← workload ← engine ← cost; planner imports engine, cost and compliance;
// cli and server import the library; web imports the library and server/api-schemas.ts, never the server.
const layer = (name, allowed) => ({
  name: `${name}-imports-only-${allowed.join("-") || "nothing"}`,
  severity: "error",
  comment: `src/${name} may import only: ${allowed.join(", ") || "(nothing in src)"} (and src/issues.ts)`,
  from: { path: `^src/${name}/` },
  to: {
    path: "^src/",
    pathNot: [`^src/${name}/`, "^src/issues\\.ts$", ...allowed.map((a) => `^src/${a}/`)],
  },
});

module.exports = {
  forbidden: [
    layer("units", []),
    layer("catalog", ["units"]),
    layer("compliance", ["units", "catalog"]),
    layer("workload", ["units", "catalog"]),
    layer("engine", ["units", "catalog", "workload"]),
    layer("cost", ["units", "catalog", "workload", "engine"]),
    layer("planner", ["units", "catalog", "workload", "engine", "cost", "compliance"]),
    {
      name: "src-no-node-builtins",
      severity: "error",
      comment: "src/ runs in the browser too: no node:* imports",
      from: { path: "^src/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "src-not-upwards",
      severity: "error",
      comment: "the library never imports cli/, server/ or web/",
      from: { path: "^src/" },
      to: { path: "^(cli|server|web)/" },
    },
    {
      name: "web-not-server",
      severity: "error",
      comment: "web imports the library and server/api-schemas.ts only",
      from: { path: "^web/" },
      to: { path: "^server/", pathNot: "^server/api-schemas\\.ts$" },
    },
    {
      name: "cli-server-separate",
      severity: "error",
      comment: "cli/ and server/ are thin and do not import web/",
      from: { path: "^(cli|server)/" },
      to: { path: "^web/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|dist)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
  },
};
