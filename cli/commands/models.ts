// `suanli models`: every catalog model with its family and parameter counts computed from its config.json.
import type { Command } from "commander";
import {
  catalog,
  importConfig,
  parameterCounts,
  type CatalogModel,
  type ParameterCounts,
  type Warning,
} from "../../src/index.js";
import { num, printList, type Column } from "../output.js";

interface Row {
  model: CatalogModel;
  modelType: string | null;
  parameters: ParameterCounts | null;
}

const billions = (v: number | null | undefined) => (v === null || v === undefined ? null : num(v / 1e9, 2));

const columns: Column<Row>[] = [
  { key: "id", header: "id", value: (r) => r.model.id },
  { key: "name", header: "name", value: (r) => r.model.meta.name },
  { key: "organisation", header: "organisation", value: (r) => r.model.meta.organisation },
  { key: "released", header: "released", value: (r) => r.model.meta.releaseDate },
  { key: "modelType", header: "model_type", value: (r) => r.modelType },
  { key: "totalB", header: "total (B)", value: (r) => billions(r.parameters?.total), align: "right" },
  {
    key: "activeB",
    header: "active (B)",
    value: (r) =>
      r.parameters && r.parameters.active < r.parameters.total ? billions(r.parameters.active) : "=",
    align: "right",
  },
];

const csvColumns: Column<Row>[] = [
  ...columns.slice(0, 5),
  { key: "total", header: "total", value: (r) => r.parameters?.total },
  { key: "totalWithMtp", header: "totalWithMtp", value: (r) => r.parameters?.totalWithMtp },
  { key: "nonEmbedding", header: "nonEmbedding", value: (r) => r.parameters?.nonEmbedding },
  { key: "active", header: "active", value: (r) => r.parameters?.active },
];

export function register(program: Command): void {
  program
    .command("models")
    .description("list catalog models with parameter counts computed from their config.json")
    .option("--json", "one JSON document on stdout (a bare array)")
    .option("--csv", "CSV on stdout")
    .action((opts: { json?: boolean; csv?: boolean }) => {
      const warnings: Warning[] = [];
      const rows: Row[] = catalog.models.map((model) => {
        const r = importConfig(model.configText, { source: `models/${model.id}/config.json` });
        if (!r.ok) {
          warnings.push({ code: "import_failed", message: r.issues.map((i) => i.message).join("; ") });
          return { model, modelType: null, parameters: null };
        }
        return { model, modelType: r.value.modelType, parameters: parameterCounts(r.value) };
      });
      printList(
        rows,
        opts.csv ? csvColumns : columns,
        opts,
        (r) => ({
          id: r.model.id,
          name: r.model.meta.name,
          organisation: r.model.meta.organisation,
          releaseDate: r.model.meta.releaseDate,
          aliases: r.model.meta.aliases,
          modelType: r.modelType,
          parameters: r.parameters,
          published: r.model.meta.published,
        }),
        warnings,
      );
    });
}
