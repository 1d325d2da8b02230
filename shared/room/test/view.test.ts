/**
 * The room's pure parts: a learner's cell from their latest reports, the message most red learners share, the
 * best figure per target, CSV cells, and the store (migrations once, a reopened file keeps everything, only
 * a token's hash is kept) — in memory and in a temporary file, no server.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../src/export.ts';
import { problemWith, Report, type TestReport } from '../src/protocol.ts';
import { cleanName } from '../src/server.ts';
import { RoomStore } from '../src/store.ts';
import { cellOf, roomView } from '../src/view.ts';
import { benchReport, testReport } from './room-process.ts';

const at = (r: { at: string }) => ({ ...r, receivedAt: r.at }) as never;

describe("a learner's cell", () => {
  it('is not started, red, green or met', () => {
    expect(cellOf(undefined).state).toBe('not started');
    expect(cellOf({ test: at(testReport('01-slim-builder', 2)) })).toMatchObject({ state: 'red', core: { passed: 8, total: 10 } });
    const broken: TestReport = { ...testReport('01-slim-builder', 0), typecheck: 'errors' };
    expect(cellOf({ test: at(broken) }).state).toBe('red');
    expect(cellOf({ test: at(testReport('01-slim-builder', 0)) }).state).toBe('green');
    expect(cellOf({ test: at(testReport('02-generated-serializers', 0)), bench: at(benchReport('02-generated-serializers', 0.9)) })).toMatchObject({
      state: 'green',
      targets: { met: 0, total: 1 },
    });
    expect(cellOf({ test: at(testReport('02-generated-serializers', 0)), bench: at(benchReport('02-generated-serializers', 1.2)) }).state).toBe('met');
  });
});

describe('the room view', () => {
  it('names the message most red learners share, and the best figure per target with its machine', () => {
    const learner = (name: string) => ({ id: name, name, joinedAt: '', lastSeen: '' });
    const lab = '02-generated-serializers';
    const view = roomView(
      'Lyon',
      [{ slug: lab, number: 2, title: 'Generated serializers' }],
      [
        { learner: learner('a'), labs: { [lab]: { test: at(testReport(lab, 1, 'M1')), bench: at(benchReport(lab, 0.8)) } } },
        { learner: learner('b'), labs: { [lab]: { test: at(testReport(lab, 1, 'M2')), bench: at(benchReport(lab, 1.3)) } } },
        { learner: learner('c'), labs: { [lab]: { test: at(testReport(lab, 3, 'M2')) } } },
        { learner: learner('d'), labs: {} },
      ],
    );
    expect(view.stuck[lab]).toEqual({ message: 'M2', learners: 2, red: 3 });
    expect(view.best[lab]).toEqual([
      expect.objectContaining({ learner: 'b', figure: '3.90× faster', machine: 'Test CPU × 2', runtime: 'Node 26.12.1', met: true }),
    ]);
    expect(view.learners.map((l) => l.cells[lab]!.state)).toEqual(['red', 'red', 'red', 'not started']);
    // A lab the room's kit does not list (another version of the kit) gets a column of its own.
    const other = roomView('Lyon', [], [{ learner: learner('a'), labs: { '09-extra': { test: at(testReport('09-extra', 0)) } } }]);
    expect(other.labs).toEqual([{ slug: '09-extra', number: 9, title: 'extra' }]);
  });
});

describe('what the room accepts', () => {
  it('is a report of the protocol, and a name without control characters', () => {
    expect(problemWith(Report, testReport('00-baseline', 0))).toBeNull();
    expect(problemWith(Report, { ...testReport('00-baseline', 0), at: 'yesterday' })).toMatch(/^\/at/);
    expect(cleanName('  Ada\u0000\n Lovelace  ')).toBe('Ada Lovelace');
    expect([csvCell('=1+1'), csvCell('-2'), csvCell('say "hi"'), csvCell(3), csvCell(null)]).toEqual(['"\'=1+1"', '"\'-2"', '"say ""hi"""', '"3"', '']);
  });
});

describe('the store', () => {
  it('migrates once, keeps every row across a reopen, and keeps only the hash of a token', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotpath-room-store-'));
    try {
      const file = join(dir, 'room.db');
      const first = new RoomStore(file);
      const room = first.room(() => ({ name: 'Lyon', code: 'ABCD-1234' }));
      const { learner, token } = first.addLearner('Ada');
      first.addReport(learner.id, testReport('00-baseline', 0));
      first.close();
      const again = new RoomStore(file);
      expect(again.schemaVersion()).toBe(1);
      expect(again.room(() => ({ name: 'other', code: 'ZZZZ-0000' }))).toEqual(room);
      expect(again.learnerByToken(token)?.name).toBe('Ada');
      expect(again.learnerByToken(`${token}x`)).toBeUndefined();
      expect(again.latest()[0]!.labs['00-baseline']!.test!.core).toEqual({ passed: 10, failed: 0 });
      again.close();
      expect(readFileSync(file).includes(Buffer.from(token)), 'the token itself is not in the file').toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
