/**
 * Going further — log the sink-full warning once per episode. When the ingest sink is full, every request is
 * refused with 503 until a consumer drains it; a warning line per refused request would add work exactly when
 * the service has the least to spare (lab 00 writes one per refusal). Log the change of state instead: one
 * warning when the sink starts refusing, and one more only after it took an event again and filled up again.
 * (AppState.sinkRefusing, from #given, is there for it.)
 */
import type { HotPathApp } from '@hotpath/api';
import { describe, expect, it } from 'vitest';
import { createApp } from '#lab/app.ts';

const CAPACITY = 2;

function post(app: HotPathApp, timestamp: number): Promise<number> {
  const request = new Request('http://lab.local/ingest/v1', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ itemCount: 1, timestamp }),
  });
  return Promise.resolve(app.fetch(request)).then((response) => response.status);
}

/** Sends `count` events in turn; answers their statuses. */
async function send(app: HotPathApp, count: number, from: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push(await post(app, from + i));
  return statuses;
}

describe('the sink-full warning', () => {
  it('is logged once when the sink starts refusing, not once per refused request', async () => {
    const lines: string[] = [];
    const app = createApp({ sinkCapacity: CAPACITY, logLevel: 'warn', logWrite: (line) => lines.push(line) });
    expect(await send(app, 6, 1), 'Accept events while the sink has room, then answer 503 sink_full').toEqual([202, 202, 503, 503, 503, 503]);
    expect(
      lines.length,
      `Four refused requests wrote ${lines.length} warning lines. Log once when the sink starts refusing (set c.env.sinkRefusing), ` +
        'and stay quiet while it keeps refusing',
    ).toBe(1);
  });

  it('is logged again after the sink drained and filled up again: once per episode', async () => {
    const lines: string[] = [];
    const app = createApp({ sinkCapacity: CAPACITY, logLevel: 'warn', logWrite: (line) => lines.push(line) });
    await send(app, 3, 1);
    app.sink.consume();
    expect(await send(app, 4, 10), 'Accept events again once the sink was drained').toEqual([202, 202, 503, 503]);
    expect(
      lines.length,
      `Two episodes of refusals, separated by accepted events, wrote ${lines.length} warning lines instead of two: warn only when ` +
        'sinkRefusing was not set yet, and clear it when offer() succeeds again',
    ).toBe(2);
  });
});
