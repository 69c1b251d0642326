// `suanli model <id | path/to/config.json>`: architecture summary, parameter counts and KV-cache bytes per token per
// precision, for a catalog model or any supported Hugging Face config.json.
import { existsSync } from "node:fs";
import type { Command } from "commander";
import pc from "picocolors";
import {
  findModel,
  importConfig,
  metaOf,
  modelReport,
  type Architecture,
  type CatalogModel,
  type ModelReport,
  type Warning,
} from "../../src/index.js";
import { unwrap } from "../errors.js";
import { readText } from "../files.js";
import { footer, num, printJson, printWarnings } from "../output.js";

/** A catalog id or alias, unless it names a file (exists, or looks like a path to a .json). */
function isFile(arg: string): boolean {
  return existsSync(arg) || arg.endsWith(".json") || arg.includes("/") || arg.includes("\\");
}

function load(arg: string): {
  arch: Architecture;
  warnings: Warning[];
  model: CatalogModel | null;
  source: string;
} {
  if (isFile(arg)) {
    const r = importConfig(readText(arg), { source: arg });
    return { arch: unwrap(r), warnings: r.ok ? r.warnings : [], model: null, source: arg };
  }
  const model = unwrap(findModel(arg));
  const source = `models/${model.id}/config.json`;
  const r = importConfig(model.configText, { source });
  return { arch: unwrap(r), warnings: r.ok ? r.warnings : [], model, source };
}

const B = (v: number) => `${num(v / 1e9, 3)} B`;

function bytes(v: number): string {
  if (v >= 1e9) return `${num(v / 1e9, 2)} GB`;
  if (v >= 1e6) return `${num(v / 1e6, 2)} MB`;
  if (v >= 1e3) return `${num(v / 1e3, 1)} kB`;
  return `${num(v, 0)} B`;
}

function lines(rep: ModelReport, model: CatalogModel | null, source: string): string[] {
  const a = rep.architecture;
  const p = rep.parameters;
  const out: string[] = [];
  const row = (label: string, value: string) => out.push(`  ${label.padEnd(24)} ${value}`);
  out.push(
    pc.bold(model ? `${model.meta.name}` : source) +
      pc.dim(model ? `  (${model.id}; ${model.meta.organisation}, ${model.meta.releaseDate})` : ""),
  );
  out.push(pc.bold("  architecture"));
  row("model_type", a.modelType);
  row("hidden / vocabulary", `${num(a.hiddenSize, 0)} / ${num(a.vocabSize, 0)}`);
  row(
    "layers",
    `${a.layers} (${a.denseLayers} dense, ${a.moeLayers} MoE)${a.mtpLayers ? ` + ${a.mtpLayers} MTP` : ""}`,
  );
  for (const g of a.attention) {
    const heads =
      g.kind === "mla"
        ? `${g.numHeads} heads, latent ${g.latentDim}`
        : `${g.numHeads} heads / ${g.numKvHeads} kv, head dim ${g.headDim}`;
    const window = g.slidingWindow !== null ? `, window ${num(g.slidingWindow, 0)}` : "";
    row(`attention ×${g.layers}`, `${g.kind.toUpperCase()}: ${heads}${window}`);
  }
  if (a.denseIntermediate !== null) row("dense FFN", num(a.denseIntermediate, 0));
  if (a.moe)
    row(
      "MoE",
      `${a.moe.numExperts} experts, top-${a.moe.topK}, expert FFN ${num(a.moe.expertIntermediate, 0)}` +
        (a.moe.numShared ? `, ${a.moe.numShared} shared (${num(a.moe.sharedIntermediate, 0)})` : ""),
    );
  row(
    "embeddings",
    `${a.tiedEmbeddings ? "tied" : "untied"}, positions ${a.positionEmbedding}${a.maxPositions ? `, context ${num(a.maxPositions, 0)}` : ""}`,
  );
  row(
    "weights",
    a.quantization
      ? `${a.weightPrecision} (${a.quantization.method}${a.quantization.bits ? `, ${a.quantization.bits}-bit` : ""})`
      : a.weightPrecision,
  );
  out.push(pc.bold("  parameters"));
  row("total", B(p.total) + pc.dim("  main model, tied embeddings once, MTP excluded"));
  if (p.mtp) row("total with MTP", B(p.totalWithMtp));
  row("active per token", B(p.active));
  row("non-embedding", B(p.nonEmbedding) + pc.dim("  without input/position embeddings and LM head"));
  row("embedding / LM head", `${B(p.embedding)} / ${p.lmHead ? B(p.lmHead) : "tied"}`);
  if (p.encoder) row("encoders (separate)", B(p.encoder));
  if (model) {
    const pub = model.meta.published;
    const stated = [
      `total ${pub.total.stated}`,
      pub.active && `active ${pub.active.stated}`,
      pub.nonEmbedding && `non-embedding ${pub.nonEmbedding.stated}`,
    ];
    row("published", stated.filter(Boolean).join(", ") + pc.dim(`  [${pub.total.source}]`));
  }
  out.push(pc.bold("  KV cache per token of context"));
  for (const [prec, kv] of Object.entries(rep.kvCache)) {
    if (!kv) continue;
    const parts = [`${bytes(kv.bytesPerToken)}/token`];
    if (kv.slidingBytesPerToken)
      parts.push(
        `${bytes(kv.slidingBytesPerToken)} of it in windowed layers (capped at ${kv.slidingWindows.join(", ")} tokens)`,
      );
    if (kv.linearStateBytesPerSequence)
      parts.push(`+ ${bytes(kv.linearStateBytesPerSequence)} fixed fp32 state per sequence`);
    row(prec, parts.join("; "));
  }
  if (model) out.push(pc.dim(`  config: ${model.meta.configSource.url}`));
  return out;
}

export function register(program: Command): void {
  program
    .command("model <idOrConfig>")
    .description("architecture, parameter counts and KV cache of a catalog model or a config.json file")
    .option("--json", "one JSON document on stdout")
    .action((arg: string, opts: { json?: boolean }) => {
      const { arch, warnings, model, source } = load(arg);
      const rep = modelReport(arch);
      if (opts.json) {
        printJson({
          ...(model
            ? {
                id: model.id,
                name: model.meta.name,
                organisation: model.meta.organisation,
                releaseDate: model.meta.releaseDate,
              }
            : {}),
          source,
          modelType: arch.modelType,
          ...rep,
          ...(model ? { published: model.meta.published, configSource: model.meta.configSource } : {}),
          warnings,
          meta: metaOf(),
        });
      } else {
        process.stdout.write(lines(rep, model, source).join("\n") + "\n" + footer() + "\n");
      }
      printWarnings(warnings);
    });
}
