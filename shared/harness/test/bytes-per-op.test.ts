/** measureBytesPerOp against shapes whose size V8 fixes, and against Buffer contents off the heap. */
import { describe, expect, it } from 'vitest';
import { measureAsyncBytesPerOp, measureBytesPerOp, measureBytesPerOpWithin } from '../src/bytes-per-op.ts';

// Calibration: shapes whose size V8 fixes (64-bit, no pointer compression in Node 20).
describe('measureBytesPerOp calibration', () => {
  it('measures {a, b} as 40 B (map, properties, elements, two in-object fields)', () => {
    const r = measureBytesPerOp((i) => ({ a: i, b: i }));
    expect(r.bytesPerOp).toBeGreaterThan(39);
    expect(r.bytesPerOp).toBeLessThan(41);
    expect(r.gcFreeRounds).toBeGreaterThanOrEqual(5);
    expect(r.gcAccounted).toBe(false);
    expect(r.precision).toBeLessThan(1);
    expect(r.iterations).toBeGreaterThanOrEqual(1_000);
    expect(r.iterations).toBeLessThanOrEqual(1_000_000);
    expect(r.median).toBe(r.bytesPerOp);
    expect(r.min).toBeLessThanOrEqual(r.median);
    expect(r.max).toBeGreaterThanOrEqual(r.median);
  });

  it('measures [i, i, i, i] as 80 B (32 B JSArray + 48 B elements store)', () => {
    const r = measureBytesPerOp((i) => [i, i, i, i]);
    expect(r.bytesPerOp).toBeGreaterThan(79);
    expect(r.bytesPerOp).toBeLessThan(81);
  });

  it('measures a non-allocating function as ~0 B', () => {
    const r = measureBytesPerOp(() => 0);
    expect(Math.abs(r.bytesPerOp)).toBeLessThan(0.5);
    expect(r.iterations).toBe(1_000_000);
  });

  it('reports Buffer contents separately from the heap', () => {
    const r = measureBytesPerOp(() => Buffer.alloc(1024));
    expect(r.arrayBuffersPerOp).toBeGreaterThan(1000);
    expect(r.arrayBuffersPerOp).toBeLessThan(1050);
    // The heap only holds the Buffer and ArrayBuffer objects, not the 1 KiB.
    expect(r.bytesPerOp).toBeLessThan(400);
  });

  it('honours a fixed iteration count and still finds clean windows', () => {
    const r = measureBytesPerOp((i) => `x${i}`, { iterations: 50_000 });
    expect(r.iterations).toBe(50_000);
    expect(r.gcFreeRounds).toBeGreaterThanOrEqual(5);
    expect(r.bytesPerOp).toBeGreaterThan(20);
  });

  it('shrinks the window below 1,000 calls when one call is too large for the young generation', () => {
    const r = measureBytesPerOp(() => new Array(100_000).fill(0), { rounds: 5, warmupMs: 10 });
    // 100,000 8-byte slots plus headers.
    expect(r.bytesPerOp).toBeGreaterThan(800_000);
    expect(r.bytesPerOp).toBeLessThan(820_000);
  });
});

describe('measureBytesPerOpWithin', () => {
  it('answers the real figure of an allocating function whatever the budget: a real allocation is never retried away', () => {
    const within = measureBytesPerOpWithin((i) => ({ a: i, b: i }), 0, { iterations: 20_000 });
    expect(within.bytesPerOp).toBeGreaterThan(39);
    expect(within.bytesPerOp).toBeLessThan(41);
  });
});

describe('measureAsyncBytesPerOp', () => {
  it('measures awaited calls: an async allocation of {a, b} costs 40 B plus a small, constant await overhead', async () => {
    const empty = await measureAsyncBytesPerOp(async () => 0);
    const pair = await measureAsyncBytesPerOp(async (i) => ({ a: i, b: i }));
    expect(empty.gcFreeRounds).toBeGreaterThanOrEqual(5);
    expect(empty.bytesPerOp).toBeLessThan(400);
    expect(pair.bytesPerOp - empty.bytesPerOp).toBeGreaterThan(38);
    expect(pair.bytesPerOp - empty.bytesPerOp).toBeLessThan(42);
  });
});
