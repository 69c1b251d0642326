// The compiled catalog bundle matches the YAML/JSON data files, and the builder reports bad files clearly.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildBundle, catalog, type DataFile } from "../src/index.js";
import { readCatalogFiles } from "../scripts/catalog-files.js";
import { ROOT } from "./helpers/cli.js";

const files = readCatalogFiles(join(ROOT, "catalog"));
const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

/** The data files with one file replaced or added. */
function withFile(path: string, text: string): DataFile[] {
  return [...files.filter((f) => f.path !== path), { path, text }];
}

const h100 = files.find((f) => f.path === "accelerators/h100-sxm.yaml")!.text;

describe("catalog bundle", () => {
  it("the embedded bundle equals a fresh build of catalog/ (run npm run build after editing data)", () => {
    const { bundle, issues } = buildBundle(files, version);
    expect(issues.map((i) => i.message)).toEqual([]);
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(JSON.parse(JSON.stringify(catalog)));
  });

  it("malformed YAML names the file", () => {
    const { bundle, issues } = buildBundle(
      withFile("accelerators/broken.yaml", "id: broken\nname: [unclosed\n"),
      version,
    );
    expect(bundle).toBeNull();
    expect(issues[0]!.message).toMatch(/^accelerators\/broken\.yaml: malformed YAML/);
  });

  it("a wrong type names the file and field", () => {
    const { issues } = buildBundle(
      withFile(
        "accelerators/h100-sxm.yaml",
        h100.replace("tdpW: { value: 700,", 'tdpW: { value: "seven hundred",'),
      ),
      version,
    );
    expect(issues.some((i) => i.message.startsWith("accelerators/h100-sxm.yaml: tdpW"))).toBe(true);
  });

  it("a negative number is rejected", () => {
    const { issues } = buildBundle(
      withFile(
        "accelerators/h100-sxm.yaml",
        h100.replace("capacityGB: { value: 80,", "capacityGB: { value: -80,"),
      ),
      version,
    );
    expect(issues.map((i) => i.message).join("\n")).toMatch(/memory\.capacityGB.*must not be negative/);
  });

  it("an unknown key is rejected with its name", () => {
    const { issues } = buildBundle(
      withFile("accelerators/h100-sxm.yaml", h100 + "\nflopsPerWatt: 3\n"),
      version,
    );
    expect(issues.map((i) => i.message).join("\n")).toMatch(/unknown key\(s\) "flopsPerWatt"/);
  });

  it("a value without a source is rejected", () => {
    const { issues } = buildBundle(
      withFile(
        "accelerators/h100-sxm.yaml",
        h100.replace(
          "tdpW: { value: 700, grade: official, source: nv-h100-ds,",
          "tdpW: { value: 700, grade: official,",
        ),
      ),
      version,
    );
    expect(issues.map((i) => i.message).join("\n")).toMatch(/tdpW/);
  });

  it("a source key that is not in sources is rejected", () => {
    const { issues } = buildBundle(
      withFile(
        "accelerators/h100-sxm.yaml",
        h100.replace(
          "tdpW: { value: 700, grade: official, source: nv-h100-ds",
          "tdpW: { value: 700, grade: official, source: nowhere",
        ),
      ),
      version,
    );
    expect(issues.map((i) => i.message).join("\n")).toMatch(/source "nowhere" is not in sources/);
  });

  it("a derived value needs its formula", () => {
    const { issues } = buildBundle(
      withFile(
        "accelerators/h100-sxm.yaml",
        h100.replace("tdpW: { value: 700, grade: official,", "tdpW: { value: 700, grade: derived,"),
      ),
      version,
    );
    expect(issues.map((i) => i.message).join("\n")).toMatch(/formula/);
  });

  it("a sparse peak among the dense ones is rejected", () => {
    const { issues } = buildBundle(
      withFile(
        "accelerators/h100-sxm.yaml",
        h100.replace("bf16: { value: 989.4, basis: dense", "bf16: { value: 1978.9, basis: sparse"),
      ),
      version,
    );
    expect(issues.map((i) => i.message).join("\n")).toMatch(/peakTflopsSparse/);
  });

  it("an id that differs from the file name is rejected", () => {
    const { issues } = buildBundle(withFile("accelerators/h100-copy.yaml", h100), version);
    expect(issues.map((i) => i.message).join("\n")).toMatch(/must equal the file name "h100-copy"/);
  });
});
