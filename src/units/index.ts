// Units: branded SI number types and the conversions from the unit-suffixed names used at the edge (data, CLI).
export * from "./precision.js";
// Data says `memoryBandwidthGBps`, `peakTflops.bf16`, `tdpW`; the loader converts once; the engine sees SI.

declare const unitBrand: unique symbol;
/** A number tagged with its unit at compile time; free at run time. */
export type Quantity<U extends string> = number & { readonly [unitBrand]: U };

export type Bytes = Quantity<"B">;
export type BytesPerSecond = Quantity<"B/s">;
export type FlopPerSecond = Quantity<"FLOP/s">;
export type Flop = Quantity<"FLOP">;
export type Seconds = Quantity<"s">;
export type Watts = Quantity<"W">;
export type Joules = Quantity<"J">;
export type BitsPerSecond = Quantity<"bit/s">;
export type SquareMillimetres = Quantity<"mm2">;

/** Decimal gigabyte (10^9 bytes), the unit of datasheet memory capacity "GB". */
export const GB = 1e9;
/** Binary gibibyte (2^30 bytes), used where a datasheet says GiB. */
export const GiB = 2 ** 30;
export const TB = 1e12;

export const bytes = (n: number) => n as Bytes;
export const seconds = (n: number) => n as Seconds;
export const flop = (n: number) => n as Flop;
export const watts = (n: number) => n as Watts;
export const joules = (n: number) => n as Joules;

/** 989.4 TFLOPS → 9.894e14 FLOP/s. */
export const fromTflops = (tflops: number) => (tflops * 1e12) as FlopPerSecond;
/** 80 GB → 8e10 bytes (decimal GB). */
export const fromGB = (gb: number) => (gb * GB) as Bytes;
/** 96 GiB → bytes. */
export const fromGiB = (gib: number) => (gib * GiB) as Bytes;
/** 3350 GB/s → 3.35e12 B/s. */
export const fromGBps = (gbps: number) => (gbps * GB) as BytesPerSecond;
/** 400 Gbit/s → 4e11 bit/s. */
export const fromGbitps = (gbitps: number) => (gbitps * 1e9) as BitsPerSecond;
/** Bits per second to bytes per second. */
export const bitsToBytesPerSecond = (b: BitsPerSecond) => (b / 8) as BytesPerSecond;
export const fromMs = (ms: number) => (ms / 1e3) as Seconds;
export const toMs = (s: Seconds | number) => s * 1e3;
export const toTflops = (f: FlopPerSecond | number) => f / 1e12;
export const toGB = (b: Bytes | number) => b / GB;
export const toGBps = (b: BytesPerSecond | number) => b / GB;
