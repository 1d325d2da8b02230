/**
 * The room server (Hono on @hono/node-server): learners join with the room code and get a write token of
 * their own; each report a learner's checkout posts goes to that learner's row only (the token must be the
 * row's); the page, its live updates (Server-Sent Events) and the end-of-day export read the whole room.
 *
 *   POST /api/join                      { code, name } → { learnerId, token, room }   (403 wrong code)
 *   POST /api/learners/:id/reports      a test or bench report, `Authorization: Bearer <token>`
 *                                       (401 no token, 403 not this row's token, 413 body over LIMITS.bodyBytes,
 *                                       400 not JSON or not a report, 429 too many)
 *   GET  /  /api/room  /api/events      the page, its data, its live updates
 *   GET  /export.json  /export.csv      every report received, oldest first
 *
 * Refused requests store nothing: every check runs before the one write, a single transaction.
 */
import { timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { exportCsv, exportJson } from './export.ts';
import { roomPage } from './page.ts';
import { JoinRequest, LIMITS, problemWith, Report } from './protocol.ts';
import type { RoomStore } from './store.ts';
import { type RoomLab, type RoomView, roomView } from './view.ts';

export interface RoomOptions {
  store: RoomStore;
  /** The room's name and the code learners join with. */
  room: { name: string; code: string };
  labs: readonly RoomLab[];
  /** The clock, for tests of the rate limits. */
  now?: () => number;
}

/** How much of an oversized body the room reads (and drops) before answering 413. */
const DRAIN_BYTES = 8 * 1024 * 1024;

/** Reads a request's body to its end without keeping it; false when it is longer than `max` or cannot be read. */
async function drain(request: Request, max: number): Promise<boolean> {
  try {
    const reader = request.body?.getReader();
    if (!reader) return true;
    let seen = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return true;
      seen += value.byteLength;
      if (seen > max) {
        await reader.cancel();
        return false;
      }
    }
  } catch {
    return false;
  }
}

/** A fixed-window counter per key: at most `limit` calls per minute. */
function rateLimiter(limit: number, now: () => number) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string): boolean => {
    const t = now();
    const w = windows.get(key);
    if (!w || t - w.start >= 60_000) {
      windows.set(key, { start: t, count: 1 });
      if (windows.size > 10_000) windows.clear(); // bounded: a flood of keys costs memory only up to here
      return true;
    }
    w.count++;
    return w.count <= limit;
  };
}

/** A name as the room shows it: control characters out, spaces collapsed, trimmed (HTML is escaped where it is shown). */
export function cleanName(name: string): string {
  const control = (code: number) => code < 0x20 || (code >= 0x7f && code <= 0x9f);
  return [...name]
    .map((ch) => (control(ch.codePointAt(0)!) ? ' ' : ch))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

const sameCode = (a: string, b: string) => {
  const x = Buffer.from(a.trim().toUpperCase());
  const y = Buffer.from(b.toUpperCase());
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The room's Hono app, and its view now (what GET /api/room answers). */
export function createRoomApp(options: RoomOptions): { app: Hono; view: () => RoomView } {
  const { store, room, labs } = options;
  const now = options.now ?? Date.now;
  const joins = rateLimiter(LIMITS.joinsPerMinute, now);
  const reports = rateLimiter(LIMITS.reportsPerMinute, now);
  const listeners = new Set<(view: RoomView) => void>();
  const view = () => roomView(room.name, labs, store.latest());
  const changed = () => {
    if (listeners.size === 0) return;
    const v = view();
    for (const listener of listeners) listener(v);
  };
  const error = (status: 400 | 401 | 403 | 404 | 413 | 429, message: string) => Response.json({ error: message }, { status });
  // An oversized body is read to its end and dropped (up to DRAIN_BYTES, never kept), so the client, still
  // sending, gets the 413 rather than a reset connection; past that the connection is closed.
  const limit = bodyLimit({
    maxSize: LIMITS.bodyBytes,
    onError: async (c) => {
      const drained = await drain(c.req.raw, DRAIN_BYTES);
      return Response.json(
        { error: `The body is over ${LIMITS.bodyBytes} bytes: a report is a few KiB` },
        { status: 413, headers: drained ? {} : { connection: 'close' } },
      );
    },
  });
  const json = async (request: Request): Promise<unknown> => {
    try {
      return await request.json();
    } catch {
      return undefined;
    }
  };

  const app = new Hono();
  app.get('/health', (c) => c.json({ ok: true }));

  app.post('/api/join', limit, async (c) => {
    const address = getConnInfo(c).remote.address ?? 'unknown';
    if (!joins(address)) return error(429, 'Too many joins from this address: wait a minute');
    const body = await json(c.req.raw);
    if (body === undefined) return error(400, 'Send JSON: { "code": "<room code>", "name": "<your name>" }');
    const problem = problemWith(JoinRequest, body);
    if (problem) return error(400, `Not a join request (${problem}): send { "code", "name" }, name 1-${LIMITS.name} characters`);
    const request = body as JoinRequest;
    if (!sameCode(request.code, room.code)) return error(403, 'Wrong room code: ask the instructor for the code pnpm room printed');
    const name = cleanName(request.name);
    if (!name) return error(400, 'Give a name with at least one letter');
    const { learner, token } = store.addLearner(name);
    changed();
    return c.json({ learnerId: learner.id, token, room: room.name });
  });

  app.post('/api/learners/:id/reports', limit, async (c) => {
    const auth = c.req.header('authorization') ?? '';
    const token = /^Bearer (\S+)$/.exec(auth)?.[1];
    if (!token) return error(401, 'Send your token: Authorization: Bearer <token> (pnpm lab join gives one)');
    const learner = store.learnerByToken(token);
    if (!learner || learner.id !== c.req.param('id')) return error(403, "This token does not write this learner's row");
    if (!reports(learner.id)) return error(429, `More than ${LIMITS.reportsPerMinute} reports a minute: slow down`);
    const body = await json(c.req.raw);
    if (body === undefined) return error(400, 'The report is not JSON');
    const problem = problemWith(Report, body);
    if (problem) return error(400, `Not a report (${problem})`);
    store.addReport(learner.id, body as Report);
    changed();
    return c.json({ stored: true }, 201);
  });

  app.get('/api/room', (c) => c.json(view()));
  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      let id = 0;
      const send = (v: RoomView) => void stream.writeSSE({ event: 'room', id: String(id++), data: JSON.stringify(v) }).catch(() => {});
      listeners.add(send);
      stream.onAbort(() => {
        listeners.delete(send);
      });
      send(view());
      // Keep the connection open (and proxies awake) until the page goes away.
      while (!stream.aborted && !stream.closed) {
        await stream.sleep(15_000);
        if (!stream.aborted) await stream.write(': keep-alive\n\n').catch(() => {});
      }
      listeners.delete(send);
    }),
  );
  app.get('/export.json', (c) => {
    c.header('content-disposition', 'attachment; filename="hotpath-room.json"');
    return c.json(exportJson(room.name, store.allReports()));
  });
  app.get('/export.csv', (c) => {
    c.header('content-type', 'text/csv; charset=utf-8');
    c.header('content-disposition', 'attachment; filename="hotpath-room.csv"');
    return c.body(exportCsv(store.allReports()));
  });
  app.get('/', (c) => {
    c.header('content-security-policy', "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'");
    return c.html(roomPage(room.name));
  });
  app.notFound((c) => c.json({ error: `No ${c.req.method} ${c.req.path} here` }, 404));
  app.onError((err) => Response.json({ error: `The room failed on this request: ${err.message}` }, { status: 500 }));
  return { app, view };
}
