// Numeric precisions of weights, activations, KV cache and GEMMs, and their storage size.

/** Precisions named by validation cases and the CLI (shared/validation/FORMAT.md). */
export const PRECISIONS = [
  "fp32",
  "tf32",
  "bf16",
  "fp16",
  "fp8",
  "mxfp8",
  "int8",
  "fp4",
  "nvfp4",
  "mxfp4",
  "int4",
] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Storage bytes per element, block-scale overhead included for micro-scaled formats (1 scale byte per 32 or 16). */
export const BYTES_PER_ELEMENT: Record<Precision, number> = {
  fp32: 4,
  tf32: 4,
  bf16: 2,
  fp16: 2,
  fp8: 1,
  mxfp8: 1 + 1 / 32,
  int8: 1,
  fp4: 0.5,
  nvfp4: 0.5 + 1 / 16,
  mxfp4: 0.5 + 1 / 32,
  int4: 0.5,
};

/** True when `s` names a known precision. */
export function isPrecision(s: string): s is Precision {
  return (PRECISIONS as readonly string[]).includes(s);
}
