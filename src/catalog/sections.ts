// The catalog's sections: which folder holds which kind of data file, and its schema. Adding a kind of data is
// one entry here; adding a chip, system, rule or calibration file is a data file and no code.
import { z } from "zod";
import { Accelerator } from "./schema-accelerator.js";
import { System } from "./schema-system.js";
import { Rule } from "./schema-rule.js";
import { CountryGroup } from "./schema-country-group.js";
import { TimelineYear } from "./schema-timeline.js";
import { CalibrationProfile } from "./schema-calibration.js";

/** A folder of YAML files, one entity per file (the file name, without .yaml, is its id when it has one). */
export interface YamlSection<S extends z.ZodType = z.ZodType> {
  dir: string;
  schema: S;
  /** When true, each file's `id` must equal its file name. */
  idIsFileName: boolean;
}

export const yamlSections = {
  accelerators: { dir: "accelerators", schema: Accelerator, idIsFileName: true },
  systems: { dir: "systems", schema: System, idIsFileName: true },
  rules: { dir: "rules", schema: Rule, idIsFileName: true },
  countryGroups: { dir: "country-groups", schema: CountryGroup, idIsFileName: true },
  timeline: { dir: "timeline", schema: TimelineYear, idIsFileName: true },
  calibration: { dir: "calibration", schema: CalibrationProfile, idIsFileName: true },
} satisfies Record<string, YamlSection>;

export type YamlSections = typeof yamlSections;
export type SectionName = keyof YamlSections;
