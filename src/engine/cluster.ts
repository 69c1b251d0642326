// A cluster for the engine: chip (catalog id/alias, or a custom spec) × count on a scale-up domain and a scale-out
// network, resolved once into SI from the chip, its system and the caller's overrides.
import {
  catalog,
  chipSpec,
  findChip,
  findSystem,
  sameName,
  systemsForChip,
  typicalOf,
  type Accelerator,
  type CatalogBundle,
  type ChipSpec,
  type System,
} from "../catalog/index.js";
import { fail, issue, ok, type Result, type Warning } from "../issues.js";
import { bitsToBytesPerSecond, fromGB, fromGBps, fromGbitps, type BytesPerSecond } from "../units/index.js";

/** Overrides of a chip's datasheet numbers for what-if studies (units in the names, as on the command line). */
export interface ChipOverrides {
  memoryBandwidthGBps?: number;
  memoryCapacityGB?: number;
  scaleUpGBps?: number;
  /** Dense peaks, TFLOPS, by precision name (bf16, fp8 …). */
  peakTflops?: Partial<Record<string, number>>;
}

export interface ClusterInput {
  /** Catalog id or alias, or a parsed custom chip. */
  chip: string | Accelerator;
  count: number;
  /** Chips sharing the scale-up fabric (overrides the system's). */
  scaleUpDomain?: number | null;
  /** Scale-out NIC bandwidth per chip, Gbit/s (overrides the system's). */
  scaleOutGbpsPerChip?: number | null;
  /** A catalog system's id, name or alias. */
  server?: string | null;
  overrides?: ChipOverrides;
}

export interface ClusterSpec {
  chip: ChipSpec;
  accelerator: Accelerator;
  system: System | null;
  count: number;
  /** Chips per scale-up domain. */
  scaleUpDomain: number;
  /** Scale-up bandwidth per chip, one direction, B/s. */
  scaleUpBandwidth: BytesPerSecond;
  /** Scale-out bandwidth per chip, one direction, B/s. */
  scaleOutBandwidth: BytesPerSecond;
}

function applyOverrides(spec: ChipSpec, o: ChipOverrides | undefined): ChipSpec {
  if (!o) return spec;
  const out: ChipSpec = { ...spec, peak: { ...spec.peak } };
  if (o.memoryBandwidthGBps !== undefined) {
    const v = fromGBps(o.memoryBandwidthGBps);
    out.memoryBandwidth = { value: v, bounds: [v, v], grade: "estimated" };
  }
  if (o.memoryCapacityGB !== undefined) {
    const v = fromGB(o.memoryCapacityGB);
    out.memoryCapacity = { value: v, bounds: [v, v], grade: "estimated" };
  }
  if (o.scaleUpGBps !== undefined) {
    const v = fromGBps(o.scaleUpGBps);
    out.scaleUpBandwidth = { value: v, bounds: [v, v], grade: "estimated" };
  }
  for (const [p, t] of Object.entries(o.peakTflops ?? {})) {
    if (t === undefined) continue;
    const v = t * 1e12;
    (out.peak as Record<string, unknown>)[p] = {
      value: v,
      bounds: [v, v],
      grade: "estimated",
      basis: "dense",
    };
  }
  return out;
}

/**
 * Resolves chip, system and overrides into a ClusterSpec. A family alias with a server takes the server's variant;
 * an unknown server is a warning (the chip's reference system applies).
 * @example resolveCluster({chip: "h100", count: 8}).value.scaleUpDomain // 8
 */
export function resolveCluster(input: ClusterInput, c: CatalogBundle = catalog): Result<ClusterSpec> {
  const warnings: Warning[] = [];
  let acc: Accelerator;
  let viaAlias = false;
  if (typeof input.chip === "string") {
    const r = findChip(input.chip, c);
    if (!r.ok) return r;
    acc = r.value;
    viaAlias = r.value.id !== input.chip;
  } else acc = input.chip;

  let system: System | null = null;
  if (input.server) {
    const s = findSystem(input.server, c);
    if (!s.ok)
      warnings.push({
        code: "unknown_server",
        message: `unknown server "${input.server}": using ${acc.id}'s reference system`,
      });
    else {
      system = s.value;
      if (system.chip !== acc.id) {
        const shipped = c.accelerators.find((a) => a.id === system?.chip);
        if (viaAlias && shipped && shipped.family === acc.family) acc = shipped;
        else
          return fail(
            issue(
              "invalid_value",
              ["system", "chip"],
              `chip "${acc.id}" contradicts server "${system.name}", which ships ${system.chip}`,
            ),
          );
      }
    }
  }
  if (!system) system = systemsForChip(acc.id, c)[0] ?? null;
  const spec = applyOverrides(chipSpec(acc), input.overrides);
  if (spec.memoryBandwidth.value === null || spec.memoryCapacity.value === null)
    return fail(
      issue(
        "unknown_input",
        ["chip"],
        `${acc.id}: memory bandwidth or capacity is unknown; pass --override memoryBandwidthGBps=…`,
      ),
    );

  const domain = input.scaleUpDomain ?? system?.scaleUp.domainChips ?? spec.scaleUpMaxDomain ?? 1;
  const sysUp =
    system && !input.overrides?.scaleUpGBps ? typicalOf(system.scaleUp.perChipPerDirectionGBps) : null;
  let up = sysUp !== null ? fromGBps(sysUp) : spec.scaleUpBandwidth.value;
  if (up === null) {
    up = spec.hostBandwidth.value ?? fromGBps(32);
    if (domain > 1)
      warnings.push({
        code: "no_scale_up",
        message: `${acc.id} has no scale-up fabric in the catalog: chip-to-chip traffic timed over PCIe`,
      });
  }
  const outGbps =
    input.scaleOutGbpsPerChip ??
    (system ? typicalOf(system.scaleOut.perChipGbps) : null) ??
    (spec.scaleOut.value ?? 0) / 1e9;
  let outBw = bitsToBytesPerSecond(fromGbitps(outGbps || 0));
  if (!outGbps) {
    outBw = bitsToBytesPerSecond(fromGbitps(100));
    if (input.count > domain)
      warnings.push({
        code: "assumed_scale_out",
        message: `${acc.id}: scale-out bandwidth unknown; assumed 100 Gbit/s per chip`,
      });
  }
  return ok(
    {
      chip: spec,
      accelerator: acc,
      system,
      count: input.count,
      scaleUpDomain: Math.max(1, Math.min(domain, Math.max(input.count, 1) * 1e6)),
      scaleUpBandwidth: up,
      scaleOutBandwidth: outBw,
    },
    warnings,
  );
}

/** True when `name` is the cluster's system. */
export function isSystem(cluster: ClusterSpec, name: string): boolean {
  return (
    cluster.system !== null && (sameName(cluster.system.name, name) || sameName(cluster.system.id, name))
  );
}
