/**
 * `pnpm lab solve|reset|restore` killed with SIGKILL — at every named step of the swap (HOTPATH_CRASH_AT, see
 * src/cli/journal.ts) and at random moments — against a temporary copy of the fixture kit, as in cli.test.ts.
 * After each kill the next command must repair the swap, say so in one line naming the step, and leave
 * labs/00-demo/src whole: the learner's files (contents, a symbolic link, an empty folder) either still in
 * src/ or in a sound backup, byte for byte.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../bin/hotpath-lab.js', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/kit', import.meta.url));
const STEPS = ['begin', 'backup-copy', 'backup-sealed', 'stage-copy', 'staged', 'old-moved', 'new-moved', 'old-trashed', 'done'];
/** From this step on the new files are in place: recovery finishes the command instead of undoing it. */
const FIRST_FINISHED = STEPS.indexOf('new-moved');
/** Commands run after a kill, in turn: every one of them must recover first. */
const NEXT = [['list', '--no-run'], ['restore', '00', '--list'], ['diff', '00'], ['hint', '00'], ['test', '00', '--json']];
let root = '';
const src = () => join(root, 'labs/00-demo/src');
const env = (extra: Record<string, string> = {}) => ({ ...process.env, HOTPATH_ROOT: root, NO_COLOR: '1', HOTPATH_CRASH_AT: '', ...extra });

function lab(args: string[], extra: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [bin, ...args], { env: env(extra), encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, signal: run.signal, output: `${run.stdout}${run.stderr}` };
}

/** Every file (its text), link (its target) and empty folder under `dir`, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (at: string) => {
    const entries = readdirSync(at, { withFileTypes: true });
    if (entries.length === 0 && at !== dir) found[relative(dir, at)] = 'empty folder';
    for (const e of entries) {
      const path = join(at, e.name);
      if (e.isSymbolicLink()) found[relative(dir, path)] = `link → ${readlinkSync(path)}`;
      else if (e.isDirectory()) walk(path);
      else found[relative(dir, path)] = readFileSync(path, 'utf8');
    }
  };
  if (existsSync(dir)) walk(dir);
  return found;
}

/** The learner's own src/: edited files, a nested note, a symbolic link and an empty folder, marked `mark`. */
function writeLearnerFiles(mark: string): Record<string, string> {
  rmSync(src(), { recursive: true, force: true });
  mkdirSync(join(src(), 'notes/deep'), { recursive: true });
  mkdirSync(join(src(), 'empty'));
  cpSync(join(fixture, 'labs/00-demo/src/app.ts'), join(src(), 'app.ts'));
  writeFileSync(join(src(), 'sum.ts'), `// ${mark}\nexport const sum = (a: number, b: number): number => a + b + 0;\n`);
  writeFileSync(join(src(), 'notes/deep/todo.md'), `${mark}: ${'x'.repeat(5000)}\n`);
  symlinkSync('sum.ts', join(src(), 'sum-link.ts'));
  return snapshot(src());
}

/** What a killed command may leave: swap folders next to src/, the journal, backups without backup.json. */
function leftovers(): string[] {
  const lab = join(root, 'labs/00-demo');
  const found = readdirSync(lab).filter((name) => name.startsWith('src.hotpath-'));
  if (existsSync(join(root, '.hotpath/swaps/00-demo.json'))) found.push('.hotpath/swaps/00-demo.json');
  const backups = join(root, '.hotpath/backups/00-demo');
  if (existsSync(backups)) for (const id of readdirSync(backups)) if (!existsSync(join(backups, id, 'backup.json'))) found.push(`unfinished backup ${id}`);
  return found;
}

/** True when a backup that still matches its backup.json holds exactly `files`. */
function inSoundBackup(files: Record<string, string>): boolean {
  const backups = join(root, '.hotpath/backups/00-demo');
  const listing = lab(['restore', '00', '--list']).output;
  return readdirSync(backups).some((id) => !new RegExp(`${id}\\s+damaged`).test(listing) && JSON.stringify(snapshot(join(backups, id, 'src'))) === JSON.stringify(files));
}

/** Puts the lab in the state before `verb`; returns src/ before and the src/ the verb is to produce. */
function prepare(verb: string, mark: string): { before: Record<string, string>; after: Record<string, string> } {
  const learner = writeLearnerFiles(mark);
  if (verb === 'solve') return { before: learner, after: snapshot(join(root, 'solutions/00-demo/src')) };
  if (verb === 'reset') return { before: learner, after: snapshot(join(fixture, 'labs/00-demo/src')) };
  const solved = lab(['solve', '00']);
  expect(solved.status, solved.output).toBe(0);
  return { before: snapshot(src()), after: learner };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hotpath-cli-crash-'));
  cpSync(fixture, root, { recursive: true });
  const git = (...args: string[]) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=test@hotpath.invalid', '-c', 'user.name=test', 'commit', '-qm', 'fixture kit');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a CLI killed at any step of solve, reset or restore loses nothing, and the next command says so', () => {
  let n = 0;
  for (const verb of ['solve', 'reset', 'restore']) {
    it.each(STEPS)(`${verb} killed at %s`, (step) => {
      const { before, after } = prepare(verb, `${verb} killed at ${step}`);
      const killed = lab([verb, '00'], { HOTPATH_CRASH_AT: step });
      expect(killed.signal, `HOTPATH_CRASH_AT=${step} must kill "pnpm lab ${verb}" at that step: ${killed.output}`).toBe('SIGKILL');
      const next = lab(NEXT[n++ % NEXT.length]!);
      const said = next.output.split('\n').filter((line) => line.includes('recovered an interrupted'));
      expect(said, `The command after a kill must say in one line that it recovered "pnpm lab ${verb} 00" and at which step:\n${next.output}`).toEqual([
        expect.stringContaining(`recovered an interrupted "pnpm lab ${verb} 00" (killed at step "${step}")`),
      ]);
      expect(leftovers(), 'Recovery must leave no swap folder, journal or unfinished backup behind').toEqual([]);
      const expected = STEPS.indexOf(step) >= FIRST_FINISHED ? after : before;
      expect(snapshot(src()), `After a kill at "${step}" src/ must be ${expected === before ? 'as it was before' : 'the finished result'}, every byte`).toEqual(expected);
      expect(JSON.stringify(snapshot(src())) === JSON.stringify(before) || inSoundBackup(before), 'The learner files must be in src/ or in a sound backup').toBe(true);
      expect(lab(['list', '--no-run']).output, 'Recovery happens once').not.toContain('recovered');
    });
  }
});

describe('real SIGKILL at random moments', () => {
  it('a handful of solve/reset runs killed at random delays: src/ whole, learner files never lost', async () => {
    writeLearnerFiles('timing');
    const started = process.hrtime.bigint();
    expect(lab(['solve', '00']).status).toBe(0);
    /** One uninterrupted run's duration: the kills land anywhere in it (a bound, not a speed assertion). */
    const span = Number(process.hrtime.bigint() - started) / 1e6;
    for (let i = 0; i < 6; i++) {
      const verb = i % 2 === 0 ? 'solve' : 'reset';
      const { before, after } = prepare(verb, `random kill ${i}`);
      const child = spawn(process.execPath, [bin, verb, '00'], { env: env(), stdio: 'ignore' });
      const delay = Math.random() * span;
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      await new Promise((resolve) => child.on('exit', resolve));
      clearTimeout(timer);
      const left = leftovers();
      const next = lab(['list', '--no-run']);
      if (left.length > 0) expect(next.output, `Killed after ${delay.toFixed(0)} ms leaving ${left.join(', ')}: the next command must say it recovered`).toMatch(/recovered an interrupted/);
      expect(leftovers(), next.output).toEqual([]);
      const now = snapshot(src());
      expect([before, after], `Killed after ${delay.toFixed(0)} ms: src/ must be the learner's files or the finished result`).toContainEqual(now);
      expect(JSON.stringify(now) === JSON.stringify(before) || inSoundBackup(before), `Killed after ${delay.toFixed(0)} ms: the learner files must be in src/ or a sound backup`).toBe(true);
    }
  });
});

describe('backups that cannot be trusted', () => {
  it('a damaged backup is listed with why and never blocks the others; a planted file is refused', () => {
    const learner = writeLearnerFiles('damage');
    expect(lab(['solve', '00']).status).toBe(0);
    const backups = join(root, '.hotpath/backups/00-demo');
    const ids = readdirSync(backups).sort();
    const good = ids.find((id) => JSON.stringify(snapshot(join(backups, id, 'src'))) === JSON.stringify(learner))!;
    const broken = `${ids[0]}-broken`;
    cpSync(join(backups, good), join(backups, broken), { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(backups, broken, 'backup.json'), '{oops');
    const planted = `${ids[0]}-planted`;
    cpSync(join(backups, good), join(backups, planted), { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(backups, planted, 'src/evil.ts'), 'planted\n');
    const list = lab(['restore', '00', '--list']);
    expect(list.status, `One damaged backup must not stop --list: ${list.output}`).toBe(0);
    expect(list.output).toMatch(new RegExp(`${broken}\\s+damaged: its backup.json is not valid JSON`));
    expect(list.output).toMatch(new RegExp(`${planted}\\s+damaged: it holds evil.ts, which its backup.json does not list`));
    expect(list.output).toMatch(/\d+ files \(\+ 1 link, 1 empty folder\), saved before "solve"/);
    const refused = lab(['restore', '00', planted]);
    expect(refused.status, 'A backup holding a file it does not list must be refused').toBe(1);
    expect(refused.output).toContain('which its backup.json does not list');
    expect(existsSync(join(src(), 'evil.ts'))).toBe(false);
    const restored = lab(['restore', '00', good]);
    expect(restored.status, restored.output).toBe(0);
    expect(restored.output).toContain(`Restored backup ${good}`);
    expect(snapshot(src()), 'restore brings back links and empty folders too').toEqual(learner);
    expect(lstatSync(join(src(), 'sum-link.ts')).isSymbolicLink()).toBe(true);
  });
});
