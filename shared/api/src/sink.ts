/**
 * The ingest sink: a bounded FIFO standing in for seed 000's Kafka producer. Accepted events are never
 * dropped silently: when the sink is full `offer` returns false and the route answers 503 + Retry-After.
 * This is the simple version every lab starts with; lab 04 replaces it with a pre-allocated ring.
 */
import type { IngestEvent, IngestSink } from './types.ts';
import { SINK_CAPACITY } from './limits.ts';

export function createBoundedSink(capacity: number = SINK_CAPACITY): IngestSink {
  if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('Sink capacity must be a positive integer');
  let queue: IngestEvent[] = [];
  return {
    capacity,
    get size() {
      return queue.length;
    },
    offer(itemCount, timestamp) {
      if (queue.length >= capacity) return false;
      queue.push({ itemCount, timestamp });
      return true;
    },
    drain(max = Infinity) {
      if (max >= queue.length) {
        const all = queue;
        queue = [];
        return all;
      }
      return queue.splice(0, max);
    },
    consume(max = Infinity, visit) {
      const taken = this.drain(max);
      if (visit) for (const event of taken) visit(event.itemCount, event.timestamp);
      return taken.length;
    },
  };
}
