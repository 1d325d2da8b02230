/**
 * The ingest sink as a pre-allocated ring: seed 000's bounded channel without a queue node per event. Two
 * Float64Arrays of `capacity` slots are allocated once; offer() writes two numbers and moves an index, so
 * accepting an event allocates nothing. When the ring is full, offer() answers false and the route answers
 * 503 + Retry-After: an accepted event is never overwritten, a refused one never silently dropped.
 */
import { SINK_CAPACITY, type IngestEvent, type IngestSink } from '@hotpath/api';

export class RingSink implements IngestSink {
  readonly capacity: number;
  private readonly itemCounts: Float64Array;
  private readonly timestamps: Float64Array;
  /** Slot of the oldest event. */
  private head = 0;
  private count = 0;

  constructor(capacity: number = SINK_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('Sink capacity must be a positive integer');
    this.capacity = capacity;
    this.itemCounts = new Float64Array(capacity);
    this.timestamps = new Float64Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  offer(itemCount: number, timestamp: number): boolean {
    if (this.count === this.capacity) return false;
    let slot = this.head + this.count;
    if (slot >= this.capacity) slot -= this.capacity;
    this.itemCounts[slot] = itemCount;
    this.timestamps[slot] = timestamp;
    this.count++;
    return true;
  }

  consume(max = Infinity, visit?: (itemCount: number, timestamp: number) => void): number {
    const n = Math.min(max, this.count);
    for (let i = 0; i < n; i++) {
      if (visit) visit(this.itemCounts[this.head]!, this.timestamps[this.head]!);
      if (++this.head === this.capacity) this.head = 0;
    }
    this.count -= n;
    return n;
  }

  /** The events as objects, for tests and consumers that want them (this allocates; consume() does not). */
  drain(max = Infinity): IngestEvent[] {
    const events: IngestEvent[] = [];
    this.consume(max, (itemCount, timestamp) => events.push({ itemCount, timestamp }));
    return events;
  }
}
