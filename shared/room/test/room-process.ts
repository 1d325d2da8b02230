/**
 * A real room server for tests: `hotpath-room` started as `pnpm room` starts it, on 127.0.0.1 and a free port,
 * with its data in a folder the test owns; its URL read from its "listening on" line; stopped by PID (SIGTERM,
 * or SIGKILL to kill it mid-workshop). Also the learner's side of the protocol, for simulated learners.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchReport, TestReport } from '../src/protocol.ts';

const bin = fileURLToPath(new URL('../bin/hotpath-room.js', import.meta.url));

export interface RoomProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Stops it: SIGTERM (the clean way) or SIGKILL (a crash); resolves once it exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export async function startRoom(dataDir: string, args: readonly string[] = ['--code', 'TEST-1234'], timeoutMs = 20_000): Promise<RoomProcess> {
  const child = spawn(process.execPath, [bin, '--host', '127.0.0.1', '--port', '0', '--data', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d));
  child.stderr!.on('data', (d: Buffer) => (output += d));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the room did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const look = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', look);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the room exited with ${code} before listening:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export interface Joined {
  learnerId: string;
  token: string;
}

export async function join(url: string, name: string, code = 'TEST-1234'): Promise<Joined> {
  const answer = await fetch(`${url}/api/join`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, name }) });
  if (!answer.ok) throw new Error(`join ${name}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as Joined;
}

/** Posts a body (a report, or anything) to `learnerId`'s row with `token`; answers the status and JSON body. */
export async function post(url: string, learnerId: string, token: string | undefined, body: unknown): Promise<{ status: number; body: { error?: string } }> {
  const answer = await fetch(`${url}/api/learners/${learnerId}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: answer.status, body: (await answer.json().catch(() => ({}))) as { error?: string } };
}

const FINGERPRINT = { node: 'v26.12.1', cpuModel: 'Test CPU', cores: 2, os: 'linux x64 6.1' };

/** A test report of `lab`: `failed` core tests failing with `message`. */
export function testReport(lab: string, failed: number, message = 'Return 400 when the body is not JSON'): TestReport {
  return {
    kind: 'test',
    lab,
    at: new Date().toISOString(),
    core: { passed: 10 - failed, failed },
    further: { passed: 0, failed: 2 },
    typecheck: 'ok',
    failing: failed ? [message] : [],
    fingerprint: FINGERPRINT,
  };
}

/** A bench report of `lab` with one target, met or not, at `score`. */
export function benchReport(lab: string, score: number): BenchReport {
  return {
    kind: 'bench',
    lab,
    at: new Date().toISOString(),
    mode: 'quick',
    runtime: 'Node 26.12.1',
    busy: false,
    verdicts: [
      {
        target: '≥ 3× faster than JSON.stringify serializing one Todo',
        state: score >= 1 ? 'met' : 'missed',
        figure: `${(3 * score).toFixed(2)}× faster`,
        score,
        reference: '3.84× faster',
      },
    ],
    fingerprint: FINGERPRINT,
  };
}
