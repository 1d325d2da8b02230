/**
 * The ingest sink as a pre-allocated ring (README step 4): seed 000's bounded channel without an object per
 * event. When the ring is full, offer() answers false and the route answers 503 + Retry-After: an accepted
 * event is never overwritten, a refused one never silently dropped.
 */
import { SINK_CAPACITY, createBoundedSink, type IngestEvent, type IngestSink } from '@hotpath/api';

/**
 * TODO (step 4): this class still keeps lab 03's queue (an object per event, an array that grows). Replace
 * it: two Float64Arrays of `capacity` slots (item counts and timestamps; a Float64Array holds every safe
 * integer exactly) allocated in the constructor, a `head` index of the oldest event and a `count`. offer()
 * writes the two numbers at (head + count) wrapped around, consume() visits and advances head; drain() may
 * allocate (it is for tests), consume() and offer() must not.
 */
export class RingSink implements IngestSink {
  readonly capacity: number;
  private readonly queue: IngestSink;

  constructor(capacity: number = SINK_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('Sink capacity must be a positive integer');
    this.capacity = capacity;
    this.queue = createBoundedSink(capacity);
  }

  get size(): number {
    return this.queue.size;
  }

  offer(itemCount: number, timestamp: number): boolean {
    return this.queue.offer(itemCount, timestamp);
  }

  consume(max = Infinity, visit?: (itemCount: number, timestamp: number) => void): number {
    return this.queue.consume(max, visit);
  }

  /** The events as objects, for tests and consumers that want them (this allocates; consume() must not). */
  drain(max = Infinity): IngestEvent[] {
    return this.queue.drain(max);
  }
}
