/**
 * The room's sender: a detached process (`pnpm lab test` and `bench` start it and go on) that posts each report
 * in .hotpath/room-outbox/ to the learner's row, oldest first, deleting each the room stored. When the room
 * cannot be reached (or says 429/5xx) it waits 1, 2, 4 … up to 30 s and tries again, for up to 15 minutes
 * from its start; a later lab command starts it again. A report the room refuses for good (4xx) moves to
 * refused/ with the room's reason (`pnpm lab room` lists it), so it never blocks the ones after it.
 * One sender per checkout: the lock is a folder holding the sender's PID; a lock whose PID is gone is taken over.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive } from '../runtime-install.ts';
import { type Membership, membership, outbox, outboxDir } from './room.ts';

export interface SendOptions {
  /** Give up after this long (default 15 minutes). */
  deadlineMs?: number;
  /** Per request (default 5 s). */
  requestTimeoutMs?: number;
  /** First wait after a failure; doubles up to maxWaitMs (defaults 1 s and 30 s). */
  firstWaitMs?: number;
  maxWaitMs?: number;
}

/** Takes the sender's lock; false when another live sender holds it. */
function lock(dir: string): boolean {
  const lockDir = join(dir, '.sending');
  const pidFile = join(lockDir, 'pid');
  try {
    mkdirSync(lockDir);
  } catch {
    const holder = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : Number.NaN;
    if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) return false;
  }
  writeFileSync(pidFile, String(process.pid));
  return true;
}

/** Posts one report: 'sent', 'refused' (with the room's reason) or 'retry'. */
async function post(m: Membership, body: string, timeoutMs: number): Promise<{ outcome: 'sent' | 'retry' } | { outcome: 'refused'; reason: string }> {
  try {
    const answer = await fetch(new URL(`/api/learners/${encodeURIComponent(m.learnerId)}/reports`, m.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${m.token}` },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (answer.ok) return { outcome: 'sent' };
    if (answer.status === 429 || answer.status >= 500) return { outcome: 'retry' };
    const reason = ((await answer.json().catch(() => ({}))) as { error?: string }).error ?? `HTTP ${answer.status}`;
    return { outcome: 'refused', reason: `HTTP ${answer.status}: ${reason}` };
  } catch {
    return { outcome: 'retry' };
  }
}

/** Sends what waits; resolves when the outbox is empty, the deadline passed, or another sender is at it. */
export async function sendOutbox(stateDir: string, options: SendOptions = {}): Promise<{ sent: number; refused: number; left: number }> {
  const ctx = { stateDir };
  const dir = outboxDir(ctx);
  const counts = { sent: 0, refused: 0, left: 0 };
  if (!existsSync(dir) || !lock(dir)) return counts;
  const deadline = Date.now() + (options.deadlineMs ?? 15 * 60_000);
  let wait = options.firstWaitMs ?? 1_000;
  try {
    for (;;) {
      const m = membership(ctx);
      const waiting = m ? outbox(ctx).waiting : [];
      if (!m || waiting.length === 0) return counts;
      let stalled = false;
      for (const file of waiting) {
        const path = join(dir, file);
        if (!existsSync(path)) continue;
        const result = await post(m, readFileSync(path, 'utf8'), options.requestTimeoutMs ?? 5_000);
        if (result.outcome === 'sent') {
          unlinkSync(path);
          counts.sent++;
        } else if (result.outcome === 'refused') {
          mkdirSync(join(dir, 'refused'), { recursive: true });
          renameSync(path, join(dir, 'refused', file));
          writeFileSync(join(dir, 'refused', `${file}.reason`), result.reason);
          counts.refused++;
        } else {
          stalled = true;
          break;
        }
      }
      if (!stalled) {
        wait = options.firstWaitMs ?? 1_000;
        continue;
      }
      if (Date.now() + wait > deadline) {
        counts.left = outbox(ctx).waiting.length;
        return counts;
      }
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, options.maxWaitMs ?? 30_000);
    }
  } finally {
    rmSync(join(dir, '.sending'), { recursive: true, force: true });
  }
}
