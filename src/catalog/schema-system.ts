// System schema: a node, rack or pod of accelerators (catalog/systems/<id>.yaml).
import { z } from "zod";
import {
  CatalogId,
  checkCitedSources,
  Price,
  SourceMap,
  SourcedNonNegative,
  SourcedText,
} from "./schema-common.js";

export const System = z
  .strictObject({
    id: CatalogId,
    name: z.string().min(2),
    vendor: z.string().min(2),
    /** Other names, matched ignoring case, spaces and punctuation ("Atlas 900 A2 PoDc" = "Atlas 900 A2 PoD(c)"). */
    aliases: z.array(z.string()).default([]),
    kind: z.enum(["node", "rack", "pod"]),
    /** The accelerator id this system ships (the specific variant, e.g. ascend-910b3). */
    chip: z.string(),
    chipsPerNode: z.number().int().positive(),
    /** Nodes in the system (1 for a server). */
    nodes: z.number().int().positive().default(1),
    scaleUp: z.strictObject({
      name: z.string(),
      /** Chips sharing one scale-up fabric domain. */
      domainChips: z.number().int().positive(),
      /** Per-chip, per-direction scale-up bandwidth in this system, GB/s. */
      perChipPerDirectionGBps: SourcedNonNegative,
    }),
    scaleOut: z.strictObject({
      fabric: z.string(),
      /** NIC bandwidth per chip, Gbit/s. */
      perChipGbps: SourcedNonNegative,
    }),
    /** Power of one node at full load, W. */
    nodePowerW: SourcedNonNegative.optional(),
    hostMemoryGB: SourcedNonNegative.optional(),
    releaseDate: SourcedText.optional(),
    prices: z.array(Price).default([]),
    sources: SourceMap,
    notes: z.string().optional(),
  })
  .superRefine(checkCitedSources);
export type System = z.infer<typeof System>;
