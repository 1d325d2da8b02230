/**
 * A real room server on 127.0.0.1 (the `pnpm room` bin), its data in a temporary folder: 50 simulated
 * learners join and post test and bench reports (bounded: 50 learners, a few reports each, ten at a time);
 * the server is killed (SIGKILL) mid-workshop and started again on the same folder — every learner, token and
 * report is still there; then what must be refused is refused and stores nothing: another learner's token, no
 * token, a 2 MiB body, a body that is not JSON or not a report, the wrong room code, too many reports a minute.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/protocol.ts';
import type { RoomView } from '../src/view.ts';
import { benchReport, join, type Joined, post, type RoomProcess, startRoom, testReport } from './room-process.ts';

const data = mkdtempSync(joinPath(tmpdir(), 'hotpath-room-'));
let room: RoomProcess | undefined;
afterAll(async () => {
  await room?.stop();
  rmSync(data, { recursive: true, force: true });
});

const LEARNERS = 50;
const state = async (): Promise<RoomView> => (await fetch(`${room!.url}/api/room`)).json() as Promise<RoomView>;
const reportCount = async () => ((await (await fetch(`${room!.url}/export.json`)).json()) as { reports: unknown[] }).reports.length;
/** Runs `task` for every item, `width` at a time. */
async function inBatches<T>(items: readonly T[], width: number, task: (item: T, i: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += width) await Promise.all(items.slice(i, i + width).map((item, j) => task(item, i + j)));
}

const joined: Joined[] = [];

describe('a room of 50 learners, killed and restarted mid-workshop', { timeout: 120_000 }, () => {
  it('takes 50 joins and their first reports', async () => {
    room = await startRoom(data);
    expect(room.output()).toMatch(/pnpm lab join http:\/\/127\.0\.0\.1:\d+ --name "<your name>" --code TEST-1234/);
    await inBatches(
      Array.from({ length: LEARNERS }, (_, i) => i),
      10,
      async (i) => {
        joined[i] = await join(room!.url, `Learner ${String(i + 1).padStart(2, '0')}`);
        // Lab 00 green for everyone; lab 01 red for the first 30, on one of two messages.
        expect((await post(room!.url, joined[i]!.learnerId, joined[i]!.token, testReport('00-baseline', 0))).status).toBe(201);
        const message = i < 20 ? 'Return 400 when the body is not JSON' : 'Answer 413 when the body is over 1 MiB';
        expect((await post(room!.url, joined[i]!.learnerId, joined[i]!.token, testReport('01-slim-builder', i < 30 ? 2 : 0, message))).status).toBe(201);
      },
    );
    const v = await state();
    expect(v.learners).toHaveLength(LEARNERS);
    expect(v.learners.filter((l) => l.cells['00-baseline']!.state === 'green')).toHaveLength(LEARNERS);
    expect(v.learners.filter((l) => l.cells['01-slim-builder']!.state === 'red')).toHaveLength(30);
    expect(v.stuck['01-slim-builder']).toEqual({ message: 'Return 400 when the body is not JSON', learners: 20, red: 30 });
    expect(await reportCount()).toBe(2 * LEARNERS);
  });

  it('keeps every row when killed and started again on the same folder, and the tokens still write', async () => {
    // Half the room benches lab 02, then the server dies without a chance to close anything.
    await inBatches(joined.slice(0, 25), 10, async (j, i) => {
      expect((await post(room!.url, j.learnerId, j.token, benchReport('02-generated-serializers', i === 7 ? 1.4 : 0.9))).status).toBe(201);
    });
    const before = await state();
    await room!.stop('SIGKILL');
    room = await startRoom(data, []);
    expect(room.output(), 'the room keeps its code across restarts').toContain('code TEST-1234');
    const after = await state();
    expect(after.learners).toEqual(before.learners);
    expect(after.best['02-generated-serializers']).toEqual([expect.objectContaining({ learner: 'Learner 08', figure: '4.20× faster', met: true })]);
    expect(await reportCount()).toBe(2 * LEARNERS + 25);
    // The other half carries on with the tokens they got before the crash.
    await inBatches(joined.slice(25), 10, async (j) => {
      expect((await post(room!.url, j.learnerId, j.token, testReport('01-slim-builder', 0))).status).toBe(201);
    });
    const v = await state();
    expect(v.learners.filter((l) => l.cells['01-slim-builder']!.state === 'red')).toHaveLength(25);
    expect(v.learners.filter((l) => l.cells['02-generated-serializers']!.state !== 'not started')).toHaveLength(25);
    expect(await reportCount()).toBe(3 * LEARNERS);
  });
});

describe('what the room refuses, storing nothing', { timeout: 60_000 }, () => {
  it.each([
    ["another learner's token", () => [joined[0]!.learnerId, joined[1]!.token, testReport('01-slim-builder', 0)], 403, /does not write this learner's row/],
    ['no token', () => [joined[0]!.learnerId, undefined, testReport('01-slim-builder', 0)], 401, /Authorization: Bearer/],
    ['a made-up token', () => [joined[0]!.learnerId, 'x'.repeat(43), testReport('01-slim-builder', 0)], 403, /does not write/],
    ['a 2 MiB body', () => [joined[2]!.learnerId, joined[2]!.token, JSON.stringify({ pad: 'x'.repeat(2 * 1024 * 1024) })], 413, /over 65536 bytes/],
    ['a body that is not JSON', () => [joined[2]!.learnerId, joined[2]!.token, '{"kind": "test",'], 400, /not JSON/],
    [
      'a report with a field too many',
      () => [joined[2]!.learnerId, joined[2]!.token, { ...testReport('01-slim-builder', 0), source: 'const x = 1' }],
      400,
      /Not a report/,
    ],
    [
      'a failing message over the limit',
      () => [joined[2]!.learnerId, joined[2]!.token, { ...testReport('01-slim-builder', 1), failing: ['y'.repeat(LIMITS.message + 1)] }],
      400,
      /Not a report/,
    ],
    ['a lab that is not a lab slug', () => [joined[2]!.learnerId, joined[2]!.token, testReport('../etc/passwd', 0)], 400, /Not a report/],
  ] as const)('%s', async (_what, args, status, message) => {
    const before = await reportCount();
    const [id, token, body] = args() as unknown as readonly [string, string | undefined, unknown];
    const answer = await post(room!.url, id, token, body);
    expect(answer.status).toBe(status);
    expect(answer.body.error).toMatch(message);
    expect(await reportCount()).toBe(before);
  });

  it('a join with the wrong code, or without a name', async () => {
    const before = (await state()).learners.length;
    const wrong = await fetch(`${room!.url}/api/join`, { method: 'POST', body: JSON.stringify({ code: 'NOPE-0000', name: 'Mallory' }) });
    expect([wrong.status, ((await wrong.json()) as { error: string }).error]).toEqual([403, expect.stringMatching(/Wrong room code/)]);
    const blank = await fetch(`${room!.url}/api/join`, { method: 'POST', body: JSON.stringify({ code: 'TEST-1234', name: '\u0000 \u0007' }) });
    expect(blank.status).toBe(400);
    expect((await state()).learners).toHaveLength(before);
  });

  it(`more than ${LIMITS.reportsPerMinute} reports a minute from one learner`, async () => {
    const j = await join(room!.url, 'Hasty');
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.reportsPerMinute + 2; i++) statuses.push((await post(room!.url, j.learnerId, j.token, testReport('00-baseline', 0))).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(LIMITS.reportsPerMinute);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });

  it('exports every report as JSON and CSV, a formula-looking name defused', async () => {
    const j = await join(room!.url, '=HYPERLINK("http://x")');
    await post(room!.url, j.learnerId, j.token, testReport('01-slim-builder', 1));
    const csv = await (await fetch(`${room!.url}/export.csv`)).text();
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^received_at,learner,lab,kind,at,core_passed/);
    expect(lines).toHaveLength(1 + (await reportCount()));
    expect(lines.at(-1)).toContain(`"'=HYPERLINK(""http://x"")","01-slim-builder","test"`);
  });
});
