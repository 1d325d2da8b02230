/**
 * A learner's checkout in a room: the fixture kit (one lab whose sum() subtracts) joins a real room server
 * (@hotpath/room's bin on 127.0.0.1), and `pnpm lab test` sends the room its outcome in the background — the
 * counts and the failing test's own message, nothing of the learner's files. With the room down the command
 * still runs and exits as before, the report waits in the outbox, and it arrives once the room is back. A
 * report the room refuses is moved aside with the room's reason; `leave` stops the sharing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RoomProcess, startRoom } from '@hotpath/room/room-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOutbox } from '../src/cli/room-send.ts';
import { copyFixtureKit } from './fixture-kit.ts';

const bin = fileURLToPath(new URL('../bin/hotpath-lab.js', import.meta.url));
const data = mkdtempSync(join(tmpdir(), 'hotpath-room-client-'));
let root = '';
let room: RoomProcess;

function lab(args: string[], env: Record<string, string> = {}) {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, [bin, ...args], {
    env: { ...process.env, HOTPATH_ROOT: root, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, ms: performance.now() - t0 };
}
const roomState = async () =>
  (await (await fetch(`${room.url}/api/room`)).json()) as {
    learners: Array<{ name: string; cells: Record<string, { state: string }> }>;
    stuck: Record<string, { message: string }>;
  };
const reports = async () => ((await (await fetch(`${room.url}/export.json`)).json()) as { reports: Array<{ report: Record<string, unknown> }> }).reports;
async function until<T>(what: string, f: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
const stateDir = () => join(root, '.hotpath');
const waiting = () => readdirSync(join(stateDir(), 'room-outbox')).filter((f) => f.endsWith('.json'));

beforeAll(async () => {
  root = copyFixtureKit('hotpath-room-client-');
  room = await startRoom(data);
});
afterAll(async () => {
  await room?.stop();
  rmSync(root, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

describe('pnpm lab join, then pnpm lab test', { timeout: 120_000 }, () => {
  it('joins with the code, keeping the token readable by the learner only', () => {
    expect(lab(['join', room.url, '--name', 'Ada', '--code', 'WRONG-000']).stderr).toMatch(/The room refused: Wrong room code/);
    const run = lab(['join', room.url, '--name', 'Ada', '--code', 'test-1234']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Joined "Hot Path workshop" at ${room.url} as Ada.`);
    expect(statSync(join(stateDir(), 'room.json')).mode & 0o777).toBe(0o600);
    expect(lab(['room']).stdout).toMatch(/Never a file of yours: no source, no paths, no test code\./);
  });

  it('sends the outcome in the background: counts and the failing message, none of the code', async () => {
    const run = lab(['test', '00']);
    expect(run.status).toBe(1);
    const state = await until('the report in the room', async () => {
      const s = await roomState();
      return s.learners[0]?.cells['00-demo']?.state === 'red' ? s : undefined;
    });
    expect(state.stuck['00-demo']!.message).toBe('Make sum(2, 3) return 5: add, do not subtract');
    const [sent] = await reports();
    expect(Object.keys(sent!.report).sort()).toEqual(['at', 'core', 'failing', 'fingerprint', 'further', 'kind', 'lab', 'typecheck']);
    const source = readFileSync(join(root, 'labs/00-demo/src/sum.ts'), 'utf8');
    expect(JSON.stringify(sent), "no line of the learner's source").not.toContain(source.trim().split('\n').at(-2)!.trim());
    await until('the outbox empty', async () => (waiting().length === 0 ? true : undefined));
  });

  it('with the room down: the command runs and exits as before, and the report arrives when the room is back', async () => {
    const port = new URL(room.url).port;
    await room.stop();
    const down = lab(['test', '00'], { HOTPATH_ROOM_SEND: 'off' });
    expect(down.status).toBe(1);
    expect(down.stdout).toContain('Make sum(2, 3) return 5');
    expect(waiting()).toHaveLength(1);
    const alone = await sendOutbox(stateDir(), { deadlineMs: 1_500, firstWaitMs: 200, requestTimeoutMs: 500 });
    expect(alone, 'nothing sent while the room is down; the report waits').toEqual({ sent: 0, refused: 0, left: 1 });
    room = await startRoom(data, ['--port', port]);
    expect(await sendOutbox(stateDir(), { firstWaitMs: 200 })).toEqual({ sent: 1, refused: 0, left: 0 });
    expect(await reports()).toHaveLength(2);
    console.log(`pnpm lab test 00 with the room down took ${Math.round(down.ms)} ms (the sender runs apart)`);
  });

  it('moves a report the room refuses aside, with its reason, and leave stops the sharing', async () => {
    const membership = join(stateDir(), 'room.json');
    const joined = JSON.parse(readFileSync(membership, 'utf8'));
    writeFileSync(membership, JSON.stringify({ ...joined, token: 'forged' }));
    lab(['test', '00'], { HOTPATH_ROOM_SEND: 'off' });
    expect(await sendOutbox(stateDir(), { firstWaitMs: 200 })).toEqual({ sent: 0, refused: 1, left: 0 });
    expect(lab(['room']).stdout).toMatch(/Refused by the room: .*HTTP 403: This token does not write this learner's row/);
    expect(await reports()).toHaveLength(2);
    expect(lab(['leave']).stdout).toContain('Left "Hot Path workshop": nothing more is sent');
    expect(existsSync(membership)).toBe(false);
    lab(['test', '00'], { HOTPATH_ROOM_SEND: 'off' });
    expect(existsSync(join(stateDir(), 'room-outbox'))).toBe(false);
  });
});
