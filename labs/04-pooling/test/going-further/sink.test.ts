/**
 * Going further, step 4 — the ingest sink as a pre-allocated ring (src/ring-sink.ts): first in, first out
 * across the wrap-around, never more than its capacity, offer() false when full (the route answers 503 +
 * Retry-After, never a silent drop), and accepting an event allocates nothing. Through the app: every 202 is
 * in the sink exactly once. Not part of "done": the starting code's RingSink keeps lab 03's queue, which
 * passes all but the allocation test.
 */
import { measureBytesPerOpWithin } from '@hotpath/harness';
import { describe, expect, it } from 'vitest';
import { loadApp, loadSink, postIngest } from '../support/subject.ts';

describe('the ring sink', () => {
  it('hands events out first in, first out, across the wrap-around', async () => {
    const { RingSink } = await loadSink();
    const sink = new RingSink(3);
    const seen: number[] = [];
    for (let round = 0; round < 5; round++) {
      expect(sink.offer(round * 2 + 1, 100) && sink.offer(round * 2 + 2, 200), 'offer() must accept while the ring has room').toBe(true);
      expect(sink.size).toBe(2);
      sink.consume(Infinity, (itemCount) => seen.push(itemCount));
    }
    expect(seen, 'consume() must visit the events in the order they were offered, also after the ring wraps around').toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('refuses an event when full, keeps what it has, and takes events again once drained', async () => {
    const { RingSink } = await loadSink();
    const sink = new RingSink(2);
    expect([sink.offer(1, 10), sink.offer(2, 20)]).toEqual([true, true]);
    expect(sink.offer(3, 30), 'offer() must answer false when the ring is full: never overwrite an accepted event').toBe(false);
    expect(sink.drain(), 'drain() must answer the accepted events as {itemCount, timestamp}, oldest first').toEqual([
      { itemCount: 1, timestamp: 10 },
      { itemCount: 2, timestamp: 20 },
    ]);
    expect(sink.offer(4, 40), 'After a drain the ring takes events again').toBe(true);
    expect(sink.consume(1), 'consume(max) answers how many events it removed').toBe(1);
    expect(sink.size).toBe(0);
  });

  it('keeps timestamps and item counts up to Number.MAX_SAFE_INTEGER exactly', async () => {
    const { RingSink } = await loadSink();
    const sink = new RingSink(1);
    sink.offer(Number.MAX_SAFE_INTEGER, 1717171717171);
    expect(sink.drain(), 'Store the numbers without rounding (a Float64Array holds every safe integer)').toEqual([
      { itemCount: Number.MAX_SAFE_INTEGER, timestamp: 1717171717171 },
    ]);
  });

  it('allocates nothing to accept and consume an event', async () => {
    const { RingSink } = await loadSink();
    const sink = new RingSink(1024);
    const measured = measureBytesPerOpWithin(
      (i) => {
        sink.offer(i + 1, 1717171717171);
        return sink.consume(1);
      },
      4,
      { minIterations: 16, maxWindowMs: 100 },
    );
    expect(
      measured.bytesPerOp,
      `offer() + consume() allocated ${measured.bytesPerOp.toFixed(1)} B per event: write the two numbers into arrays allocated once, not an object per event`,
    ).toBeLessThan(4);
  });

  it('rejects a capacity that is not a positive integer', async () => {
    const { RingSink } = await loadSink();
    expect(() => new RingSink(0), 'A ring needs at least one slot').toThrow(RangeError);
  });
});

describe('the ring behind POST /ingest/v1', () => {
  it('holds every accepted event exactly once, and answers 503 + Retry-After when full', async () => {
    const { createApp } = await loadApp();
    const app = createApp({ sinkCapacity: 50, logLevel: 'silent' });
    const accepted: number[] = [];
    for (let i = 1; i <= 60; i++) {
      const reply = await postIngest(app, `{"itemCount":${i},"timestamp":${1717171717000 + i}}`);
      if (i <= 50) {
        expect(reply.status, `Accept event ${i} of a 50-slot sink`).toBe(202);
        accepted.push(i);
      } else {
        expect(reply.status, 'Answer 503 once the sink is full').toBe(503);
        expect(reply.headers.get('retry-after'), 'Tell the client when to retry (Retry-After)').toBe('1');
      }
    }
    const drained = app.sink.drain();
    expect(
      drained.map((e) => e.itemCount),
      'Every 202 must be in the sink exactly once, in order',
    ).toEqual(accepted);
    expect(
      drained.every((e) => e.timestamp === 1717171717000 + e.itemCount),
      "Keep each event's own timestamp",
    ).toBe(true);
    expect((await postIngest(app, '{"itemCount":7,"timestamp":7}')).status, 'After a drain the sink accepts again').toBe(202);
  });
});
