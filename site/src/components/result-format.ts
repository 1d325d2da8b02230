/**
 * Number formats of lab 05's start-up and capstone tables: memory and file sizes in binary units, labelled so — MiB and KiB, 1024-based, the one
 * convention of the whole kit (the harness's table, the charts, the READMEs) — times to one decimal, ratios
 * to two. Deterministic (en-US grouping): the server render and the browser must agree.
 */

/** Mebibytes (1024² bytes), one decimal, the number alone (the column header says MiB): 51478528 → "49.1". */
export const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** What is shipped: "94.6 MiB", "170.8 KiB", or the sources when there is no single file. */
export const fileSize = (bytes: number | null): string =>
  bytes === null ? 'sources + node_modules' : bytes >= 1024 * 1024 ? `${mib(bytes)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`;

/** A median with its range: "120.7 (113.3–154.2)". */
export const spreadText = (s: { median: number; min: number; max: number }): string => `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})`;

/** A whole count with thousands separators: 20094.43 → "20,094". */
export const whole = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Microseconds as milliseconds, two decimals: 2334.51 → "2.33". */
export const msFromUs = (us: number): string => (us / 1000).toFixed(2);

/** US dollars as capstone-report.ts prints them: "2,940 USD". */
export const usd = (n: number): string => `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} USD`;

/** after ÷ before, two decimals, or a dash when either side is missing: "19.29×". */
export const ratio = (after: number | null, before: number | null): string =>
  after === null || before === null || before === 0 ? '–' : `${(after / before).toFixed(2)}×`;
