/**
 * The room's state, in one SQLite file (libsql: prebuilt binaries from the npm registry, no compiler, every
 * supported Node): the room (its name and code), the learners (name, the hash of their write token, when
 * they joined and were last seen), every report received, and each learner's latest test and bench report per
 * lab. Migrations are numbered SQL run once each, in a transaction, recorded in `migrations`; a restarted room
 * opens the same file and has every row. Writes are synchronous and each report is one transaction, so a
 * killed server loses at most the request it was answering (which the learner's checkout then sends again).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'libsql';
import type { BenchReport, Report, TestReport } from './protocol.ts';

/** Numbered, append-only: a new version is a new entry, never an edit of one that shipped. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE room (id INTEGER PRIMARY KEY CHECK (id = 1), name TEXT NOT NULL, code TEXT NOT NULL, created_at TEXT NOT NULL);
   CREATE TABLE learners (id TEXT PRIMARY KEY, name TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE, joined_at TEXT NOT NULL, last_seen TEXT NOT NULL);
   CREATE TABLE reports (id INTEGER PRIMARY KEY AUTOINCREMENT, learner_id TEXT NOT NULL REFERENCES learners(id), kind TEXT NOT NULL,
     lab TEXT NOT NULL, at TEXT NOT NULL, received_at TEXT NOT NULL, body TEXT NOT NULL);
   CREATE TABLE latest (learner_id TEXT NOT NULL REFERENCES learners(id), lab TEXT NOT NULL, kind TEXT NOT NULL, report_id INTEGER NOT NULL REFERENCES reports(id),
     PRIMARY KEY (learner_id, lab, kind));`,
];

export interface Learner {
  id: string;
  name: string;
  joinedAt: string;
  lastSeen: string;
}

export interface LatestReports {
  learner: Learner;
  /** Per lab: the latest test and bench report, each as received. */
  labs: Record<string, { test?: TestReport & { receivedAt: string }; bench?: BenchReport & { receivedAt: string } }>;
}

export interface RoomInfo {
  name: string;
  code: string;
  createdAt: string;
}

/** sha-256 of a token, hex: what the room keeps instead of the token. */
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A room code people can read aloud and type: four letters, a dash, four digits. */
export function newRoomCode(): string {
  const letters = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = randomBytes(8);
  const word = [...bytes.subarray(0, 4)].map((b) => letters[b % letters.length]).join('');
  const digits = [...bytes.subarray(4)].map((b) => String(b % 10)).join('');
  return `${word}-${digits}`;
}

export class RoomStore {
  private readonly db: InstanceType<typeof Database>;

  /** Opens (creating when new) the room file at `path` and brings it to the newest schema. */
  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 2000;');
    this.db.exec('CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
    const done = new Set((this.db.prepare('SELECT version FROM migrations').all() as Array<{ version: number }>).map((r) => r.version));
    MIGRATIONS.forEach((sql, i) => {
      const version = i + 1;
      if (done.has(version)) return;
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.prepare('INSERT INTO migrations (version, applied_at) VALUES (?, ?)').run(version, new Date().toISOString());
      })();
    });
  }

  /** The schema version the file is at (the number of migrations applied). */
  schemaVersion(): number {
    return (this.db.prepare('SELECT max(version) AS v FROM migrations').get() as { v: number }).v;
  }

  /** The room of this file; made with `create()` the first time (the code is kept across restarts). */
  room(create: () => { name: string; code: string }): RoomInfo {
    const row = this.db.prepare('SELECT name, code, created_at AS createdAt FROM room WHERE id = 1').get() as RoomInfo | undefined;
    if (row) return { name: row.name, code: row.code, createdAt: row.createdAt };
    const made = { ...create(), createdAt: new Date().toISOString() };
    this.db.prepare('INSERT INTO room (id, name, code, created_at) VALUES (1, ?, ?, ?)').run(made.name, made.code, made.createdAt);
    return made;
  }

  /** A new learner with a fresh write token (returned once; only its hash is stored). */
  addLearner(name: string): { learner: Learner; token: string } {
    const now = new Date().toISOString();
    const learner = { id: randomUUID(), name, joinedAt: now, lastSeen: now };
    const token = randomBytes(32).toString('base64url');
    this.db
      .prepare('INSERT INTO learners (id, name, token_hash, joined_at, last_seen) VALUES (?, ?, ?, ?, ?)')
      .run(learner.id, name, hashToken(token), now, now);
    return { learner, token };
  }

  /** The learner a token belongs to, or undefined. */
  learnerByToken(token: string): Learner | undefined {
    const row = this.db.prepare('SELECT id, name, joined_at AS joinedAt, last_seen AS lastSeen FROM learners WHERE token_hash = ?').get(hashToken(token)) as
      | Learner
      | undefined;
    return row && { id: row.id, name: row.name, joinedAt: row.joinedAt, lastSeen: row.lastSeen };
  }

  /** Stores a report of `learnerId` and makes it their latest of its kind for its lab: one transaction. */
  addReport(learnerId: string, report: Report): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      const { lastInsertRowid } = this.db
        .prepare('INSERT INTO reports (learner_id, kind, lab, at, received_at, body) VALUES (?, ?, ?, ?, ?, ?)')
        .run(learnerId, report.kind, report.lab, report.at, now, JSON.stringify(report));
      this.db
        .prepare(
          'INSERT INTO latest (learner_id, lab, kind, report_id) VALUES (?, ?, ?, ?) ON CONFLICT (learner_id, lab, kind) DO UPDATE SET report_id = excluded.report_id',
        )
        .run(learnerId, report.lab, report.kind, lastInsertRowid);
      this.db.prepare('UPDATE learners SET last_seen = ? WHERE id = ?').run(now, learnerId);
    })();
  }

  /** How many reports the room holds (all learners, all kinds). */
  reportCount(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
  }

  /** Every learner with their latest reports per lab, in joining order. */
  latest(): LatestReports[] {
    const learners = this.db
      .prepare('SELECT id, name, joined_at AS joinedAt, last_seen AS lastSeen FROM learners ORDER BY joined_at, rowid')
      .all() as Learner[];
    const rows = this.db
      .prepare('SELECT l.learner_id AS learnerId, r.body AS body, r.received_at AS receivedAt FROM latest l JOIN reports r ON r.id = l.report_id')
      .all() as Array<{ learnerId: string; body: string; receivedAt: string }>;
    const byId = new Map<string, LatestReports>(
      learners.map((l) => [l.id, { learner: { id: l.id, name: l.name, joinedAt: l.joinedAt, lastSeen: l.lastSeen }, labs: {} }]),
    );
    for (const row of rows) {
      const entry = byId.get(row.learnerId);
      if (!entry) continue;
      const report = { ...(JSON.parse(row.body) as Report), receivedAt: row.receivedAt };
      const lab = (entry.labs[report.lab] ??= {});
      if (report.kind === 'test') lab.test = report;
      else lab.bench = report;
    }
    return [...byId.values()];
  }

  /** Every report, oldest first, with its learner's name: the export's rows. */
  allReports(): Array<{ learner: string; receivedAt: string; report: Report }> {
    const rows = this.db
      .prepare('SELECT l.name AS learner, r.received_at AS receivedAt, r.body AS body FROM reports r JOIN learners l ON l.id = r.learner_id ORDER BY r.id')
      .all() as Array<{ learner: string; receivedAt: string; body: string }>;
    return rows.map((r) => ({ learner: r.learner, receivedAt: r.receivedAt, report: JSON.parse(r.body) as Report }));
  }

  close(): void {
    this.db.close();
  }
}
