/**
 * `pnpm lab solve|reset|restore` killed with SIGKILL — at every named step of the swap (HOTPATH_CRASH_AT, see
 * src/cli/journal.ts) and at random moments — against a temporary copy of the fixture kit, as in cli.test.ts.
 * (Random kills land within the swap: HOTPATH_TRACE_STEPS says when it begins.) After each kill the next command must repair the swap, say so in one line naming the step, and leave
 * labs/00-demo/src whole: the learner's files (contents, a symbolic link, an empty folder) either still in
 * src/ or in a sound backup, byte for byte.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFixtureKit, FIXTURE_KIT } from './fixture-kit.ts';

const bin = fileURLToPath(new URL('../bin/hotpath-lab.js', import.meta.url));
const fixture = FIXTURE_KIT;
const STEPS = ['begin', 'backup-copy', 'backup-sealed', 'stage-copy', 'staged', 'old-moved', 'new-moved', 'old-trashed', 'done'];
/** From this step on the new files are in place: recovery finishes the command instead of undoing it. */
const FIRST_FINISHED = STEPS.indexOf('new-moved');
/** Commands run after a kill, in turn: every one of them must recover first. */
const NEXT = [
  ['list', '--no-run'],
  ['restore', '00', '--list'],
  ['diff', '00'],
  ['hint', '00'],
  ['test', '00', '--json'],
];
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
  return readdirSync(backups).some(
    (id) => !new RegExp(`${id}\\s+damaged`).test(listing) && JSON.stringify(snapshot(join(backups, id, 'src'))) === JSON.stringify(files),
  );
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
  root = copyFixtureKit('hotpath-cli-crash-');
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
      expect(snapshot(src()), `After a kill at "${step}" src/ must be ${expected === before ? 'as it was before' : 'the finished result'}, every byte`).toEqual(
        expected,
      );
      expect(
        JSON.stringify(snapshot(src())) === JSON.stringify(before) || inSoundBackup(before),
        'The learner files must be in src/ or in a sound backup',
      ).toBe(true);
      expect(lab(['list', '--no-run']).output, 'Recovery happens once').not.toContain('recovered');
    });
  }
});

describe('real SIGKILL at random moments', () => {
  /** Runs `verb` with its steps traced; kills it `delay(span)` ms after it reports "begin". */
  function runTraced(verb: string, killAfter?: number): Promise<{ steps: string[]; swapMs: number }> {
    const child = spawn(process.execPath, [bin, verb, '00'], { env: env({ HOTPATH_TRACE_STEPS: '1' }), stdio: ['ignore', 'ignore', 'pipe'] });
    const steps: string[] = [];
    let begun = 0n;
    let swapMs = 0;
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      for (const [, step] of text.matchAll(/hotpath-step (\S+)/g)) {
        steps.push(step!);
        if (step === 'begin') {
          begun = process.hrtime.bigint();
          if (killAfter !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfter);
        }
        if (step === 'done') swapMs = Number(process.hrtime.bigint() - begun) / 1e6;
      }
    });
    return new Promise((resolve) => child.on('exit', () => resolve({ steps, swapMs })));
  }

  it('a handful of solve/reset runs killed at random moments of the swap: src/ whole, learner files never lost', async () => {
    writeLearnerFiles('timing');
    /** One uninterrupted swap's duration, from "begin" to "done": the kills land anywhere in it (a bound, not a speed assertion). */
    const { swapMs } = await runTraced('solve');
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      const verb = i % 2 === 0 ? 'solve' : 'reset';
      const { before, after } = prepare(verb, `random kill ${i}`);
      const delay = Math.random() * swapMs * 1.5;
      const { steps } = await runTraced(verb, delay);
      reached.push(`${verb} killed ${delay.toFixed(1)} ms after begin, last step ${steps.at(-1)}`);
      const left = leftovers();
      const next = lab(['list', '--no-run']);
      const context = `${reached.at(-1)!}, leaving ${left.join(', ') || 'nothing'}`;
      if (left.length > 0)
        expect(next.output, `${context}: the next command must say it recovered`).toMatch(/recovered an interrupted "pnpm lab (solve|reset) 00"/);
      expect(leftovers(), `${context}: recovery must clean up`).toEqual([]);
      const now = snapshot(src());
      expect([before, after], `${context}: src/ must be the learner's files or the finished result`).toContainEqual(now);
      expect(JSON.stringify(now) === JSON.stringify(before) || inSoundBackup(before), `${context}: the learner files must be in src/ or a sound backup`).toBe(
        true,
      );
    }
    console.log(`swap ${swapMs.toFixed(1)} ms uninterrupted;\n${reached.join('\n')}`);
  });
});

describe('leftovers of an older CLI, or of another CLI still running', () => {
  it('a missing src/ with src.hotpath-old and -new beside it (no journal) is put back before restore, which says what it did', () => {
    const learner = writeLearnerFiles('left by an older CLI');
    const lab00 = join(root, 'labs/00-demo');
    cpSync(src(), join(lab00, 'src.hotpath-old'), { recursive: true, verbatimSymlinks: true });
    cpSync(join(root, 'solutions/00-demo/src'), join(lab00, 'src.hotpath-new'), { recursive: true });
    rmSync(src(), { recursive: true });
    const run = lab(['restore', '00']);
    expect(run.status, run.output).toBe(0);
    expect(run.output, 'Say that src/ was missing and was put back from src.hotpath-old').toContain(
      'recovered an interrupted change of labs/00-demo/src (killed at step "old-moved"): labs/00-demo/src was missing: put your files back from src.hotpath-old.',
    );
    expect(run.output, 'restore must then say what it did itself').toMatch(
      /Restored backup \S+ into labs\/00-demo\/src\. The files it replaced are backup \S+|already matches backup \S+; nothing changed/,
    );
    expect(leftovers()).toEqual([]);
    expect(JSON.stringify(snapshot(src())) === JSON.stringify(learner) || inSoundBackup(learner), 'The learner files must be in src/ or a sound backup').toBe(
      true,
    );
  });

  it('a swap another live pnpm lab is doing is left alone, and solve/reset/restore wait for it', () => {
    writeLearnerFiles('busy');
    const lab00 = join(root, 'labs/00-demo');
    mkdirSync(join(lab00, 'src.hotpath-new'));
    mkdirSync(join(root, '.hotpath/swaps'), { recursive: true });
    writeFileSync(join(root, '.hotpath/swaps/00-demo.json'), JSON.stringify({ verb: 'solve', pid: process.pid, startedAt: new Date().toISOString() }));
    const solve = lab(['solve', '00']);
    expect(solve.status, 'solve must refuse while another CLI swaps src/').toBe(1);
    expect(solve.output).toContain(`Another pnpm lab (pid ${process.pid}) is running "solve" on labs/00-demo/src: wait for it to finish`);
    expect(lab(['list', '--no-run']).output).toContain('left it alone');
    expect(existsSync(join(lab00, 'src.hotpath-new')), 'Never repair a swap a live process is doing').toBe(true);
    rmSync(join(lab00, 'src.hotpath-new'), { recursive: true });
    rmSync(join(root, '.hotpath/swaps/00-demo.json'));
  });
});

describe('backups that cannot be trusted', () => {
  it('a damaged backup is listed with why and never blocks the others; a planted file is refused', () => {
    const learner = writeLearnerFiles('damage');
    expect(lab(['solve', '00']).status).toBe(0);
    const backups = join(root, '.hotpath/backups/00-demo');
    const ids = readdirSync(backups).sort();
    const good = ids.find((id) => JSON.stringify(snapshot(join(backups, id, 'src'))) === JSON.stringify(learner));
    expect(good, 'solve must back up every file, symbolic link and empty folder of src/').toBeDefined();
    const broken = `${good!}-broken`;
    cpSync(join(backups, good!), join(backups, broken), { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(backups, broken, 'backup.json'), '{oops');
    const planted = `${good!}-planted`;
    cpSync(join(backups, good!), join(backups, planted), { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(backups, planted, 'src/evil.ts'), 'planted\n');
    const list = lab(['restore', '00', '--list']);
    expect(list.status, `One damaged backup must not stop --list: ${list.output}`).toBe(0);
    expect(list.output, 'List a backup whose backup.json does not parse as damaged, with why').toMatch(
      new RegExp(`${broken}\\s+damaged: its backup.json is not valid JSON`),
    );
    expect(list.output, 'List a backup holding a file its backup.json does not name as damaged, naming the file').toMatch(
      new RegExp(`${planted}\\s+damaged: it holds evil.ts, which its backup.json does not list`),
    );
    expect(list.output, 'Count links and empty folders in a backup').toMatch(/\d+ files \(\+ 1 link, 1 empty folder\), saved before "solve"/);
    const refused = lab(['restore', '00', planted]);
    expect(refused.status, 'A backup holding a file it does not list must be refused').toBe(1);
    expect(refused.output).toContain('which its backup.json does not list');
    expect(existsSync(join(src(), 'evil.ts'))).toBe(false);
    const restored = lab(['restore', '00', good!]);
    expect(restored.status, restored.output).toBe(0);
    expect(restored.output).toContain(`Restored backup ${good!}`);
    expect(snapshot(src()), 'restore brings back links and empty folders too').toEqual(learner);
    expect(lstatSync(join(src(), 'sum-link.ts')).isSymbolicLink()).toBe(true);
  });
});
