/**
 * A learner's side of the room (opt-in): `pnpm lab join <url> --name <name> --code <code>` asks the room for a
 * write token and keeps it in .hotpath/room.json; from then on every `pnpm lab test` and `pnpm lab bench`
 * puts a summary of its outcome in the outbox (.hotpath/room-outbox/, one file per report) and starts the
 * sender (room-send.ts) as a detached process, so the learner's command neither waits for the network nor
 * fails with it. `pnpm lab room` shows what is shared and what waits; `pnpm lab leave` stops it.
 *
 * What is shared is defined once, in @hotpath/room/protocol: counts of tests passing and failing, the typecheck's
 * state, the distinct failing test messages (the tests' own instructions), checkpoint verdicts with figures,
 * and the machine fingerprint — never a file's content.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LabEntry } from '@hotpath/workshop/manifest';
import { type BenchReport, clip, type Fingerprint, LIMITS, type JoinAnswer, type Report, type TestReport } from '@hotpath/room/protocol';
import type { FileOutcome, TypecheckOutcome } from '../run-lab-tests.ts';
import type { RunVerdict } from '../verdict.ts';
import { CliError, type KitContext } from './context.ts';
import type { TestRecord } from './state.ts';

export interface Membership {
  url: string;
  name: string;
  room: string;
  learnerId: string;
  token: string;
  joinedAt: string;
}

export const membershipFile = (ctx: Pick<KitContext, 'stateDir'>) => join(ctx.stateDir, 'room.json');
export const outboxDir = (ctx: Pick<KitContext, 'stateDir'>) => join(ctx.stateDir, 'room-outbox');
const senderBin = fileURLToPath(new URL('../../bin/hotpath-room-send.js', import.meta.url));

export function membership(ctx: Pick<KitContext, 'stateDir'>): Membership | undefined {
  const file = membershipFile(ctx);
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Membership;
  } catch {
    throw new CliError(`${file} is not valid JSON: run pnpm lab leave, then join again`);
  }
}

/** The machine, as the room shows it beside a learner's figures. */
export function fingerprint(): Fingerprint {
  return {
    node: clip(process.version, 40),
    cpuModel: clip(cpus()[0]?.model?.trim() || 'unknown CPU', 120),
    cores: cpus().length,
    os: clip(`${platform()} ${arch()} ${release()}`, 40),
  };
}

/** `pnpm lab join`: asks the room for this learner's token (a 5 s limit) and keeps it. */
export async function joinRoom(ctx: KitContext, url: string | undefined, name: string | undefined, code: string | undefined): Promise<number> {
  if (!url || !name || !code) throw new CliError('Usage: pnpm lab join <room url> --name "<your name>" --code <room code> (pnpm room printed all three)');
  let base: URL;
  try {
    base = new URL(url);
  } catch {
    throw new CliError(`${url} is not a URL: give the one pnpm room printed, e.g. http://192.168.1.20:4400`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new CliError(`${url} is not an http:// URL`);
  let answer: Response;
  try {
    answer = await fetch(new URL('/api/join', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: name.slice(0, LIMITS.name) }),
      signal: AbortSignal.timeout(5_000),
    });
  } catch (error) {
    throw new CliError(`Could not reach the room at ${base.origin} (${(error as Error).message}): check the URL, the Wi-Fi, and the instructor's firewall`, 1);
  }
  const body = (await answer.json().catch(() => ({}))) as Partial<JoinAnswer> & { error?: string };
  if (!answer.ok || !body.token || !body.learnerId) throw new CliError(`The room refused: ${body.error ?? `HTTP ${answer.status}`}`, 1);
  const joined: Membership = {
    url: base.origin,
    name,
    room: body.room ?? base.origin,
    learnerId: body.learnerId,
    token: body.token,
    joinedAt: new Date().toISOString(),
  };
  mkdirSync(ctx.stateDir, { recursive: true });
  writeFileSync(membershipFile(ctx), `${JSON.stringify(joined, null, 2)}\n`, { mode: 0o600 });
  ctx.out(`Joined "${joined.room}" at ${joined.url} as ${name}.`);
  ctx.out('From now on each pnpm lab test and pnpm lab bench also sends the room a summary (pnpm lab room shows what; pnpm lab leave stops it).');
  return 0;
}

/** The test report of a `pnpm lab test` run. */
export function testReportOf(lab: LabEntry, outcomes: readonly FileOutcome[], typecheck: TypecheckOutcome | null, record: TestRecord): TestReport {
  // A file that did not load is named, not quoted: a syntax error's message can carry a line of the learner's code.
  const failing = [
    ...new Set(
      outcomes.flatMap((o) => [...(o.loadError ? [`${o.file} did not load: a syntax or import error in src/`] : []), ...o.failures.map((f) => f.message)]),
    ),
  ];
  return {
    kind: 'test',
    lab: lab.slug,
    at: record.at,
    core: { passed: record.passed, failed: record.failed + record.loadErrors },
    further: { passed: record.further?.passed ?? 0, failed: (record.further?.failed ?? 0) + (record.further?.loadErrors ?? 0) },
    typecheck: typecheck === null ? 'skipped' : typecheck.errors.length ? 'errors' : 'ok',
    failing: failing.slice(0, LIMITS.messages).map((m) => clip(m.split('\n')[0]!.trim(), LIMITS.message)),
    fingerprint: fingerprint(),
  };
}

/** How far a figure is past its target, higher better (1: on it); capped so it stays a JSON number. */
function score(v: RunVerdict): number | null {
  const ratio = v.learner.ratio;
  if (ratio === null) return null;
  const { atLeast, atMost } = v.target;
  const s = atLeast !== undefined ? ratio / atLeast : atMost !== undefined ? (ratio === 0 ? 1e6 : atMost / ratio) : null;
  return s === null || !Number.isFinite(s) ? null : Math.min(s, 1e6);
}

/** The bench report of a `pnpm lab bench` run. */
export function benchReportOf(lab: LabEntry, at: string, mode: 'quick' | 'full', runtime: string, busy: boolean, verdicts: readonly RunVerdict[]): BenchReport {
  return {
    kind: 'bench',
    lab: lab.slug,
    at,
    mode,
    runtime: clip(runtime, 40),
    busy,
    verdicts: verdicts.slice(0, LIMITS.verdicts).map((v) => ({
      target: clip(v.words, LIMITS.message),
      state: v.state,
      figure: v.learner.ratio === null ? null : clip(v.learner.short, 80),
      score: score(v),
      reference: v.reference ? clip(v.reference.short, 80) : null,
    })),
    fingerprint: fingerprint(),
  };
}

/**
 * Puts `report` in the outbox (written aside, then renamed: a reader never sees half a file) and starts the
 * sender, detached, when this checkout has joined a room; nothing otherwise. Never throws: the learner's
 * command must not fail because of the room.
 */
export function shareWithRoom(ctx: KitContext, report: Report): void {
  try {
    if (!membership(ctx)) return;
    const dir = outboxDir(ctx);
    mkdirSync(dir, { recursive: true });
    const name = `${Date.now()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}.json`;
    writeFileSync(join(dir, `.${name}.tmp`), JSON.stringify(report));
    renameSync(join(dir, `.${name}.tmp`), join(dir, name));
    startSender(ctx);
  } catch {
    // The outbox could not be written: the room misses this one report, the learner's command goes on.
  }
}

/** Starts the background sender (room-send.ts), detached: it sends what waits, or finds another sender at it and exits. */
export function startSender(ctx: Pick<KitContext, 'stateDir'>): void {
  if (process.env.HOTPATH_ROOM_SEND === 'off') return; // tests drive the sender themselves
  const child = spawn(process.execPath, [senderBin, ctx.stateDir], { detached: true, stdio: 'ignore', env: { ...process.env, NODE_OPTIONS: '' } });
  child.on('error', () => {});
  child.unref();
}

/** The reports waiting in the outbox, oldest first, and those the room refused (with its reason). */
export function outbox(ctx: Pick<KitContext, 'stateDir'>): { waiting: string[]; refused: Array<{ file: string; reason: string }> } {
  const dir = outboxDir(ctx);
  const list = (d: string) => (existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.json') && !f.startsWith('.')) : []).sort();
  const refused = list(join(dir, 'refused')).map((file) => {
    const reasonFile = join(dir, 'refused', `${file}.reason`);
    return { file, reason: existsSync(reasonFile) ? readFileSync(reasonFile, 'utf8').trim() : 'refused' };
  });
  return { waiting: list(dir), refused };
}

/** `pnpm lab room`: the room this checkout shares with, exactly what it sends, and what waits or was refused. */
export function roomStatus(ctx: KitContext, json: boolean): number {
  const m = membership(ctx);
  const box = outbox(ctx);
  if (json) {
    ctx.out(JSON.stringify({ joined: m ? { url: m.url, room: m.room, name: m.name, joinedAt: m.joinedAt } : null, ...box }, null, 2));
    return 0;
  }
  if (!m) {
    ctx.out('Not in a room: nothing is shared. pnpm lab join <url> --name "<your name>" --code <code> joins one.');
    return 0;
  }
  ctx.out(`In "${m.room}" at ${m.url} as ${m.name} since ${m.joinedAt.slice(0, 16).replace('T', ' ')} UTC.`);
  ctx.out('After each pnpm lab test: the lab, core and going-further tests passing and failing, the typecheck (ok, errors or skipped),');
  ctx.out('  the distinct failing test messages (up to 12, each cut at 300 characters), your Node, CPU model, core count and OS.');
  ctx.out("After each pnpm lab bench: each target in its own words, met or not, your figure and the reference's, the runtime, the same machine facts.");
  ctx.out('Never a file of yours: no source, no paths, no test code.');
  // Reports left waiting (the room was down longer than a sender tries) go now, in the background.
  if (box.waiting.length) startSender(ctx);
  ctx.out(`Waiting to be sent: ${box.waiting.length}${box.waiting.length ? ' (sending them now, in the background, until the room answers)' : ''}.`);
  for (const r of box.refused) ctx.out(`Refused by the room: ${r.file} — ${r.reason}`);
  const last = box.waiting.at(-1);
  if (last) ctx.out(`The newest, exactly as it will be sent:\n${JSON.stringify(JSON.parse(readFileSync(join(outboxDir(ctx), last), 'utf8')), null, 2)}`);
  return 0;
}

/** `pnpm lab leave`: forgets the room and its token, and drops what waits to be sent. */
export function leaveRoom(ctx: KitContext): number {
  const m = membership(ctx);
  const dropped = outbox(ctx).waiting.length;
  rmSync(membershipFile(ctx), { force: true });
  rmSync(outboxDir(ctx), { recursive: true, force: true });
  ctx.out(m ? `Left "${m.room}": nothing more is sent${dropped ? ` (${dropped} unsent reports dropped)` : ''}.` : 'Not in a room: nothing to leave.');
  return 0;
}
