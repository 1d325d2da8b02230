/**
 * The manifest is the one place for lab order, hints and targets: every lab folder exists, ready labs have
 * hints the CLI can show and READMEs that point at them instead of copying them, every baseline is an earlier
 * stage, and every target names a figure the checkpoint really measures — a load scenario, startup, or a
 * micro task (and peer, for `vs`: a micro peer, or a start-up peer for a start-up figure) that the lab's
 * checkpoint.ts defines. The other way round too: every folder under labs/ and solutions/ is a manifest entry.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asCheckpoint, type CheckpointDefinition } from '@hotpath/harness';
import { defaultScenarios } from '@hotpath/harness';
import { baselineOf, defineTarget, findLab, labs, type CheckpointTarget } from '@hotpath/workshop/manifest';
import { repoRoot } from '@hotpath/workshop/paths';
import { boldSteps, readmeSteps } from '../src/readme-steps.ts';

const pad = (n: number) => String(n).padStart(2, '0');
const MICRO_METRICS: readonly string[] = ['nsPerOp', 'bytesPerOp'];
const STARTUP_METRICS: readonly string[] = ['startupMs', 'peakRss'];

/** What a checkpoint measures, by name: load scenarios, micro tasks, and each peer's micro tasks. */
interface Figures {
  scenarios: Set<string>;
  micro: Set<string>;
  peers: Map<string, Set<string>>;
  /** Peers the start-up section measures (a package folder or a serve command, start-up among their sections). */
  startupPeers: Set<string>;
  /** Each served peer's script (a serve command run by node), to check it is there: built files under dist/ excepted. */
  scripts: Array<{ peer: string; file: string }>;
}

/** labs/<slug>/checkpoint.ts evaluated as the harness does for the reference solution (the 'subject'). */
async function figuresOf(slug: string): Promise<Figures> {
  const file = join(repoRoot, 'labs', slug, 'checkpoint.ts');
  let definition: CheckpointDefinition = {};
  if (existsSync(file)) {
    const dir = join(repoRoot, 'solutions', slug);
    const appModule = join(dir, 'src', 'app.ts');
    const { createApp } = await import(pathToFileURL(appModule).href);
    const checkpoint = asCheckpoint((await import(pathToFileURL(file).href)).default, file);
    definition = await checkpoint.define({ key: 'subject', label: `solutions/${slug}`, dir, appModule, createApp });
  }
  return {
    scenarios: new Set(['GET /health', ...(definition.scenarios ?? (await defaultScenarios())).map((s) => s.name)]),
    micro: new Set((definition.micro ?? []).map((t) => t.name)),
    peers: new Map((definition.peers ?? []).map((p) => [p.name, new Set((p.micro ?? []).map((t) => t.name))])),
    startupPeers: new Set(
      (definition.peers ?? [])
        .filter((p) => (p.dir !== undefined || p.serve !== undefined) && (!p.sections || p.sections.includes('startup')))
        .map((p) => p.name),
    ),
    scripts: (definition.peers ?? []).flatMap((p) =>
      p.serve?.command === process.execPath && p.serve.args?.[0] && !p.serve.args[0].split(sep).includes('dist')
        ? [{ peer: p.name, file: p.serve.args[0] }]
        : [],
    ),
  };
}

/**
 * Folders under labs/ and solutions/ that no manifest entry names ('labs/07-extra'). Hidden folders and one
 * holding nothing but node_modules (what pnpm leaves of a removed package) are not lab folders.
 */
function strayFolders(root: string, slugs: readonly string[]): string[] {
  return (['labs', 'solutions'] as const).flatMap((side) =>
    readdirSync(join(root, side), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && !slugs.includes(entry.name))
      .filter((entry) => readdirSync(join(root, side, entry.name)).some((name) => name !== 'node_modules'))
      .map((entry) => `${side}/${entry.name}`),
  );
}

const strayInstruction = (folder: string) => `${folder} is not in shared/kit/src/manifest.ts: add its entry there, or remove the folder`;

/** What is wrong with a target, given what the checkpoint measures: an empty list when nothing is. */
function targetProblems(target: CheckpointTarget, figures: Figures): string[] {
  const problems: string[] = [];
  if ((target.atLeast === undefined) === (target.atMost === undefined)) problems.push('needs exactly one of atLeast and atMost');
  if (MICRO_METRICS.includes(target.metric)) {
    if (!figures.micro.has(target.scenario)) problems.push(`the checkpoint defines no micro task "${target.scenario}"`);
  } else if (STARTUP_METRICS.includes(target.metric)) {
    if (target.scenario !== 'startup') problems.push(`${target.metric} is a startup figure: its scenario is 'startup'`);
  } else if (!figures.scenarios.has(target.scenario)) problems.push(`the checkpoint has no load scenario "${target.scenario}"`);
  if (target.absolute && target.vs !== undefined) problems.push("absolute judges the package's own figure: not with vs");
  if (target.vs !== undefined) {
    if (STARTUP_METRICS.includes(target.metric)) {
      if (!figures.startupPeers.has(target.vs)) problems.push(`the checkpoint's start-up section measures no peer "${target.vs}"`);
    } else if (!MICRO_METRICS.includes(target.metric)) problems.push(`vs compares micro or start-up figures: ${target.metric} is neither`);
    else if (!figures.peers.has(target.vs)) problems.push(`the checkpoint declares no peer "${target.vs}"`);
    else if (!figures.peers.get(target.vs)!.has(target.scenario)) problems.push(`peer ${target.vs} does not run "${target.scenario}"`);
  }
  return problems;
}

describe('the lab manifest', () => {
  it('numbers the labs 00, 01, … in order, each with a lab and a solution folder', () => {
    expect(labs.map((lab) => lab.number)).toEqual(labs.map((_, i) => i));
    for (const lab of labs) {
      expect(lab.slug.startsWith(pad(lab.number))).toBe(true);
      expect(existsSync(join(repoRoot, 'labs', lab.slug, 'src')), `labs/${lab.slug}/src`).toBe(true);
      expect(existsSync(join(repoRoot, 'solutions', lab.slug, 'src')), `solutions/${lab.slug}/src`).toBe(true);
    }
  });

  it('lists every folder under labs/ and solutions/ (the other way round)', () => {
    const strays = strayFolders(
      repoRoot,
      labs.map((lab) => lab.slug),
    );
    expect(strays, strays.map(strayInstruction).join('\n')).toEqual([]);
  });

  it('names a folder the manifest does not list (checked on a temporary kit)', () => {
    const root = mkdtempSync(join(tmpdir(), 'hotpath-manifest-'));
    try {
      for (const folder of ['labs/00-a/src', 'solutions/00-a/src', 'labs/07-extra/src', 'solutions/.cache', 'labs/08-gone/node_modules']) {
        mkdirSync(join(root, folder), { recursive: true });
      }
      writeFileSync(join(root, 'labs/README.md'), 'not a folder');
      expect(strayFolders(root, ['00-a'])).toEqual(['labs/07-extra']);
      expect(strayInstruction('labs/07-extra')).toMatch(/^labs\/07-extra is not in shared\/kit\/src\/manifest\.ts: add its entry there, or remove the folder$/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it.each(labs.filter((lab) => lab.status === 'ready').map((lab) => [lab.slug, lab] as const))(
    '%s: at least 3 hints, and a README that points at them',
    (slug, lab) => {
      expect(lab.hints.length).toBeGreaterThanOrEqual(3);
      for (const hint of lab.hints) expect(hint.title.length * hint.body.length).toBeGreaterThan(0);
      const readme = readFileSync(join(repoRoot, 'labs', slug, 'README.md'), 'utf8');
      expect(readme, 'point at pnpm lab hint instead of copying the hints').toContain(`pnpm lab hint ${pad(lab.number)}`);
      expect(readme, 'hints live in the manifest only').not.toMatch(/<summary>\s*Hint/i);
    },
  );

  it("every hint's step, when it has one, is a README step number (a positive integer)", () => {
    for (const lab of labs) {
      for (const hint of lab.hints) {
        if (hint.step !== undefined) expect(Number.isInteger(hint.step) && hint.step > 0, `${lab.slug}: hint "${hint.title}" has step ${hint.step}`).toBe(true);
      }
    }
  });

  it.each(labs.filter((lab) => lab.status === 'ready').map((lab) => [lab.slug, lab] as const))(
    "%s: its steps are headings 1, 2, … and each hint's step is one of them",
    (slug, lab) => {
      const readme = readFileSync(join(repoRoot, 'labs', slug, 'README.md'), 'utf8');
      const bold = boldSteps(readme);
      expect(
        bold,
        `labs/${slug}/README.md lines ${bold.join(', ')}: make each step a heading ("### Step N — what to do (files)", its text below) so it can be linked`,
      ).toEqual([]);
      const steps = readmeSteps(readme).map((s) => s.step);
      expect(steps, `labs/${slug}/README.md: number its step headings 1, 2, … in order, once each`).toEqual(steps.map((_, i) => i + 1));
      for (const hint of lab.hints) {
        if (hint.step !== undefined)
          expect(
            steps,
            `${slug}: hint "${hint.title}" helps with step ${hint.step}: give the README a heading "Step ${hint.step} — …" or fix the hint's step`,
          ).toContain(hint.step);
      }
    },
  );

  it.each(labs.filter((lab) => lab.status === 'ready').map((lab) => [lab.slug, lab] as const))('%s: a time estimate with a core part', (slug, lab) => {
    expect(lab.estimate, `${slug}: estimate: { core: '~45 min', further: '…' } in the manifest`).toBeDefined();
    expect(lab.estimate!.core.trim(), `${slug}: estimate.core`).not.toBe('');
    if (lab.estimate!.further !== undefined) expect(lab.estimate!.further.trim(), `${slug}: estimate.further, when present`).not.toBe('');
  });

  it('every baseline is the solution of an earlier lab', () => {
    for (const lab of labs) {
      const baseline = findLab(baselineOf(lab));
      expect(baseline, `${lab.slug}: baseline ${baselineOf(lab)} is a lab of the manifest`).toBeDefined();
      expect(baseline!.slug, `${lab.slug}: baseline`).toBe(baselineOf(lab));
      expect(baseline!.number <= lab.number, `${lab.slug}: its baseline comes before it`).toBe(true);
      expect(existsSync(join(repoRoot, 'solutions', baseline!.slug, 'src', 'app.ts')), `solutions/${baseline!.slug}/src/app.ts`).toBe(true);
    }
  });

  it('every peer served by a script names a script that is there (a moved launcher is a row lost, not a failure, in a run)', async () => {
    for (const lab of labs) {
      for (const { peer, file } of (await figuresOf(lab.slug)).scripts)
        expect(existsSync(file), `labs/${lab.slug}/checkpoint.ts: peer ${peer} runs ${file}, which is not there`).toBe(true);
    }
  });

  it('every target names a figure the checkpoint measures, with one bound', async () => {
    for (const lab of labs.filter((l) => l.targets.length > 0)) {
      const figures = await figuresOf(lab.slug);
      for (const target of lab.targets) expect(targetProblems(target, figures), `${lab.slug}: ${target.label}`).toEqual([]);
    }
  });

  it('the target check reads micro tasks from a checkpoint.ts and catches malformed targets', async () => {
    const lab01 = await figuresOf('01-slim-builder');
    expect([...lab01.micro]).toContain('GET /todos body (100 todos)');
    expect(lab01.scenarios.has('GET /todos')).toBe(true);
    const figures: Figures = { ...lab01, peers: new Map([['fast-json-stringify', new Set(['GET /todos body (100 todos)'])]]) };
    const ok: CheckpointTarget = defineTarget({
      scenario: 'GET /todos body (100 todos)',
      metric: 'nsPerOp',
      vs: 'fast-json-stringify',
      atMost: 1,
      than: 'fast-json-stringify',
      on: 'serializing 100 Todos',
    });
    expect(targetProblems(ok, figures)).toEqual([]);
    expect(targetProblems({ ...ok, vs: undefined }, figures)).toEqual([]);
    expect(targetProblems({ ...ok, scenario: 'GET /todos' }, figures)).toEqual([
      'the checkpoint defines no micro task "GET /todos"',
      'peer fast-json-stringify does not run "GET /todos"',
    ]);
    expect(targetProblems({ ...ok, metric: 'rps', scenario: 'GET /todos' }, figures)).toEqual(['vs compares micro or start-up figures: rps is neither']);
    expect(targetProblems({ ...ok, vs: 'nobody' }, figures)).toEqual(['the checkpoint declares no peer "nobody"']);
    expect(targetProblems({ ...ok, metric: 'startupMs', vs: undefined }, figures)).toEqual(["startupMs is a startup figure: its scenario is 'startup'"]);
    expect(targetProblems({ ...ok, atLeast: 2 }, figures)).toEqual(['needs exactly one of atLeast and atMost']);
    expect(targetProblems({ ...ok, absolute: true }, figures)).toEqual(["absolute judges the package's own figure: not with vs"]);
    expect(
      targetProblems(defineTarget({ scenario: 'GET /todos', metric: 'appHeapBytesPerRequest', absolute: true, atMost: 512, on: 'per GET /todos' }), figures),
    ).toEqual([]);
  });
});
