/**
 * Results on more than one runtime, without running anything: `--runtime` parsing, runtime ids, the
 * `<key>@<id>` bookkeeping, the per-runtime view of a result, within- and cross-runtime ratios, and the
 * printed blocks — on the hand-made sample run (test/samples.ts) measured again "on Node 26" with known figures.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../src/args.ts';
import { computeRatios, type CheckpointResult } from '../src/report.ts';
import { formatTable } from '../src/table.ts';
import { assignRuntimeIds, keyOn, primaryRuntime, splitKey, type MeasuredRuntime } from '../src/runtime-info.ts';
import { resolveRuntimes, serversOnRuntimes } from '../src/runtime-run.ts';
import { runCheckpoint } from '../src/checkpoint.ts';
import { fileURLToPath } from 'node:url';
import { computeRuntimeRatios, resultOnRuntime, tagRuntimes } from '../src/runtime-results.ts';
import { micro, sampleResult, summary } from './samples.ts';
import { checkSchema } from './schema-check.ts';

const schema = JSON.parse(readFileSync(new URL('../checkpoint.schema.json', import.meta.url), 'utf8'));
const golden = (name: string) => readFileSync(new URL(`./fixtures/tables/${name}`, import.meta.url), 'utf8').trimEnd();

const NODE20 = { id: 'node20', label: 'Node 20.20.2', kind: 'node' as const, version: '20.20.2', major: 20, v8: '11.3.244.8' };
const NODE26 = { id: 'node26', label: 'Node 26.12.1', kind: 'node' as const, version: '26.12.1', major: 26, v8: '14.6.202.34', path: '/rt/26/bin/node' };

/** The sample run, recorded on Node 20, with every contestant measured again on Node 26: known figures. */
function twoRuntimes(): CheckpointResult {
  const result: CheckpointResult = { ...sampleResult(), runtime: NODE20, runtimes: [NODE26] };
  const [health, ingest] = result.load!.scenarios;
  health!.results[keyOn('subject', 'node26')] = summary(140_000, 1_000, 8_000);
  health!.results[keyOn('baseline', 'node26')] = summary(40_000, 4_000, 16_000);
  ingest!.results[keyOn('subject', 'node26')] = summary(100_000, 3_000, 11_000);
  ingest!.results[keyOn('baseline', 'node26')] = summary(50_000, 6_000, 33_000);
  result.startup!.results[keyOn('subject', 'node26')] = {
    runs: 5,
    firstOkMs: { median: 100, min: 90, max: 120 },
    peakRssBytes: { median: 60e6, min: 59e6, max: 61e6 },
    samplesMs: [90, 100, 100, 110, 120],
  };
  result.startup!.results[keyOn('baseline', 'node26')] = {
    runs: 5,
    firstOkMs: { median: 300, min: 280, max: 320 },
    peakRssBytes: { median: 70e6, min: 69e6, max: 71e6 },
    samplesMs: [280, 290, 300, 310, 320],
  };
  // Node 26 makes the baseline's way (3500 ns on Node 20) twice as fast: the package's lead shrinks.
  result.micro!.tasks[0]!.results[keyOn('subject', 'node26')] = micro('parse 1 KB', 1700, 0);
  result.micro!.tasks[0]!.results[keyOn('baseline', 'node26')] = micro('parse 1 KB', 1750, 2000);
  result.ratios = computeRatios(result);
  tagRuntimes(result);
  result.runtimeRatios = computeRuntimeRatios(result);
  return result;
}

describe('--runtime on the command line', () => {
  it('is repeatable, keeps version specs as given and resolves paths against the current folder', () => {
    const parsed = parseArgs(['--runtime', '26', '--runtime', './rt/node', '--runtime', '/abs/bin/node', '--quick'], '/work/pkg');
    expect(parsed).toEqual({ options: { dir: '/work/pkg', quick: true, runtimes: ['26', '/work/pkg/rt/node', '/abs/bin/node'] } });
  });

  it('needs a value, and a run without it has no runtimes option', () => {
    expect(parseArgs(['--runtime'])).toEqual({ error: '--runtime needs a value' });
    expect(parseArgs(['--runtime', '--quick'])).toEqual({ error: '--runtime needs a value' });
    expect('runtimes' in (parseArgs(['--quick'], '/p') as { options: object }).options).toBe(false);
  });
});

describe('runtime ids and keys', () => {
  const primary: MeasuredRuntime = { ...NODE20, path: '/usr/bin/node' };
  const other = (version: string, path: string) => ({
    kind: 'node' as const,
    version,
    major: Number(version.split('.')[0]),
    v8: null,
    label: `Node ${version}`,
    path,
  });

  it('names another runtime by its major, and by its version only when two share a major', () => {
    const warnings: string[] = [];
    const ids = assignRuntimeIds(primary, [other('26.12.1', '/a'), other('24.22.3', '/b'), other('24.10.0', '/c'), other('20.19.0', '/d')], warnings);
    expect(ids.map((r) => r.id)).toEqual(['node26', 'node24.22.3', 'node24.10.0', 'node20.19.0']);
    expect(warnings).toEqual([]);
  });

  it('measures the harness runtime and a repeated runtime once, with a warning that says so', () => {
    const warnings: string[] = [];
    const ids = assignRuntimeIds(primary, [other('20.20.2', '/elsewhere/node'), other('26.12.1', '/a'), other('26.12.1', '/a')], warnings);
    expect(ids.map((r) => r.id)).toEqual(['node26']);
    expect(warnings).toEqual([
      '--runtime /elsewhere/node: Node 20.20.2 is the runtime running the harness; measured once',
      '--runtime /a: Node 26.12.1 was given twice; measured once',
    ]);
  });

  it('splits a key only at a runtime id of the run, so a peer named with an @ keeps its name', () => {
    expect(splitKey('peer:fast-json-stringify@node26', ['node26'])).toEqual({ key: 'peer:fast-json-stringify', runtime: 'node26' });
    expect(splitKey('peer:@msgpack/msgpack', ['node26'])).toEqual({ key: 'peer:@msgpack/msgpack' });
    expect(splitKey('subject', ['node26'])).toEqual({ key: 'subject' });
  });

  it('describes the process it runs in', () => {
    const me = primaryRuntime();
    expect(me.version).toBe(process.version.slice(1));
    expect(me.id).toBe(`node${process.version.slice(1).split('.')[0]}`);
    expect(me.label).toBe(`Node ${process.version.slice(1)}`);
    expect(me.path).toBe(process.execPath);
  });
});

describe('a runtime named by its version', () => {
  const own = process.versions.node.split('.')[0]!;
  it.each([own, `node${own}`])('resolves %s (this Node) without a path', async (spec) => {
    const failures: string[] = [];
    const warnings: string[] = [];
    await resolveRuntimes([spec], '/tmp', warnings, failures);
    expect(failures).toEqual([]);
    // The primary runtime itself: measured once, said so.
    expect(warnings.join('\n')).toMatch(/is the runtime running the harness; measured once/);
  });

  it('says how to install a Node it cannot find', async () => {
    const failures: string[] = [];
    await resolveRuntimes(['node99'], '/tmp', [], failures);
    expect(failures).toEqual([expect.stringMatching(/^--runtime node99: Node 99 is not installed: .*pnpm lab runtime add/)]);
  });
});

describe('a runtime that cannot be found', () => {
  it('is a failure that names the spec and says what to give, and the run measures nothing', async () => {
    const failures: string[] = [];
    const { others } = await resolveRuntimes(['./no/such/node'], '/tmp', [], failures);
    expect(others).toEqual([]);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^--runtime \.\/no\/such\/node: .*\/tmp\/no\/such\/node.*node or bun binary/);
    const tiny = fileURLToPath(new URL('./fixtures/tiny-runtime', import.meta.url));
    const checkpointFile = fileURLToPath(new URL('./fixtures/runtime-checkpoint.ts', import.meta.url));
    const { result } = await runCheckpoint({
      dir: tiny,
      baselineDir: tiny,
      checkpointFile,
      quick: true,
      only: ['micro'],
      runtimes: ['/no/such/node'],
      json: '/dev/null',
      progress: false,
    });
    expect(result.ok).toBe(false);
    expect(result.micro).toBeNull();
    expect(result.failures[0]).toMatch(/^--runtime \/no\/such\/node: /);
  });
});

describe('the servers of a section on several runtimes', () => {
  const node26: MeasuredRuntime = { ...NODE26 };
  const bun: MeasuredRuntime = { id: 'bun', label: 'Bun 1.4.5', kind: 'bun', version: '1.4.5', major: 1, v8: null, path: '/rt/bun' };
  const servers = [
    { key: 'subject', dir: '/p' },
    { key: 'baseline', dir: '/b', serve: { command: process.execPath, args: ['dist/server.cjs'], label: 'bundle' } },
    { key: 'peer:sea', dir: '/p', serve: { command: '/p/dist/server-sea', label: 'dist/server-sea' } },
  ];

  it('adds every server again, keyed <key>@<id> and run by that runtime, except a binary that brings its own', () => {
    const warnings: string[] = [];
    expect(serversOnRuntimes(servers, [node26], 'load', warnings)).toEqual([
      ...servers,
      { key: 'subject@node26', dir: '/p', node: '/rt/26/bin/node' },
      { key: 'baseline@node26', dir: '/b', serve: servers[1]!.serve, node: '/rt/26/bin/node' },
    ]);
    expect(warnings).toEqual(['peer:sea is served by dist/server-sea, which brings its own runtime: not measured on Node 26.12.1']);
  });

  it('measures Bun at startup and says that it leaves it out under load', () => {
    const warnings: string[] = [];
    expect(serversOnRuntimes(servers.slice(0, 1), [bun], 'startup', warnings)).toEqual([servers[0], { key: 'subject@bun', dir: '/p', node: '/rt/bun' }]);
    expect(serversOnRuntimes(servers.slice(0, 1), [bun], 'load', warnings)).toEqual([servers[0]]);
    expect(warnings).toEqual(["Bun 1.4.5 is measured at startup only: the in-server probe and bytes per op need Node's V8 hooks"]);
  });
});

describe('a result measured on two runtimes', () => {
  it('tags every contestant result with the runtime it ran on', () => {
    const result = twoRuntimes();
    expect(result.micro!.tasks[0]!.results.subject!.runtime).toBe('node20');
    expect(result.micro!.tasks[0]!.results['baseline@node26']!.runtime).toBe('node26');
    expect(result.load!.scenarios[1]!.results['subject@node26']!.runtime).toBe('node26');
    expect(result.startup!.results.baseline!.runtime).toBe('node20');
  });

  it("keeps `ratios` the primary runtime's, exactly as a run without --runtime computes them", () => {
    expect(twoRuntimes().ratios).toEqual(sampleResult().ratios);
  });

  it("divides each runtime's figures by the baseline measured on the same runtime", () => {
    const within = twoRuntimes().runtimeRatios!.filter((r) => r.runtime === 'node26' && r.across === undefined);
    const find = (name: string, metric: string) => within.find((r) => r.subjectKey === 'subject' && r.name === name && r.metric === metric)!;
    expect(find('parse 1 KB', 'nsPerOp')).toMatchObject({ subject: 1700, baseline: 1750, ratio: 1700 / 1750 });
    expect(find('GET /health', 'rps')).toMatchObject({ subject: 140_000, baseline: 40_000, ratio: 3.5 });
    expect(find('startup', 'startupMs')).toMatchObject({ subject: 100, baseline: 300 });
    // The same entries computeRatios gives for the Node 26 view, tagged with its id.
    expect(within.map(({ runtime: _, ...r }) => r)).toEqual(resultOnRuntime(twoRuntimes(), 'node26').ratios);
  });

  it("divides each contestant's figure on the other runtime by its own figure on the primary one, baseline included", () => {
    const cross = twoRuntimes().runtimeRatios!.filter((r) => r.across === 'node20');
    const find = (key: string, name: string, metric: string) => cross.find((r) => r.subjectKey === key && r.name === name && r.metric === metric)!;
    expect(find('baseline', 'parse 1 KB', 'nsPerOp')).toMatchObject({ runtime: 'node26', subject: 1750, baseline: 3500, ratio: 0.5 });
    expect(find('subject', 'parse 1 KB', 'nsPerOp').ratio).toBe(1);
    expect(find('subject', 'GET /health', 'rps').ratio).toBe(2);
    expect(find('baseline', 'startup', 'startupMs').ratio).toBe(0.75);
  });

  it('gives the result as if each runtime had run it alone, keys without the suffix', () => {
    const result = twoRuntimes();
    const on26 = resultOnRuntime(result, 'node26');
    expect(on26.runtime).toEqual({ id: 'node26', label: 'Node 26.12.1', kind: 'node', version: '26.12.1', major: 26, v8: '14.6.202.34' });
    expect(Object.keys(on26.micro!.tasks[0]!.results)).toEqual(['subject', 'baseline']);
    expect(on26.micro!.tasks[0]!.results.baseline!.nsPerOp).toBe(1750);
    expect(on26.runtimes).toBeUndefined();
    const on20 = resultOnRuntime(result, 'node20');
    expect(Object.keys(on20.load!.scenarios[0]!.results)).toEqual(['subject', 'baseline']);
    expect(on20.ratios).toEqual(result.ratios);
    expect(() => resultOnRuntime(result, 'node24')).toThrow('no runtime node24 in this result (it has node20, node26)');
  });

  it('validates against checkpoint.schema.json, and the schema refuses a runtime without its version', () => {
    const result = JSON.parse(JSON.stringify(twoRuntimes()));
    expect(checkSchema(result, schema)).toEqual([]);
    delete result.runtimes[0].version;
    result.runtimeRatios[0].runtime = 26;
    expect(checkSchema(result, schema)).toEqual(['$.runtimes[0]: missing version', '$.runtimeRatios[0].runtime: expected string, got integer']);
  });
});

describe('the printed table with runtimes', () => {
  it('prints a run without --runtime exactly as before, plus one line naming the runtime', () => {
    const lines = formatTable({ ...sampleResult(), runtime: NODE20 }).split('\n');
    const at = lines.indexOf('Measured on Node 20.20.2 (V8 11.3.244.8)');
    expect(at).toBeGreaterThan(1);
    expect(lines.filter((_, i) => i !== at).join('\n')).toBe(golden('two-subjects.txt'));
  });

  it('prints a block per runtime, labelled, and the cross-runtime ratios of every contestant', () => {
    const table = formatTable(twoRuntimes());
    const lines = table.split('\n');
    expect(lines[1]).toMatch(/^\s+figure\s+this\s+baseline\s+ratio$/);
    const named = lines.indexOf(
      "Measured on Node 20.20.2 (V8 11.3.244.8), the harness's own runtime; also on Node 26.12.1 (V8 14.6.202.34), in the same rounds (blocks below)",
    );
    const block = lines.indexOf('On Node 26.12.1 (V8 14.6.202.34), same subjects, same rounds; ratios to the baseline on Node 26.12.1:');
    expect(named).toBeGreaterThan(2);
    expect(block).toBeGreaterThan(named);
    expect(lines[block + 2]).toMatch(/^GET \/health\s+RPS\s+140\.0k\s+40\.0k\s+3\.50×/);
    const cross = lines.findIndex((l) => l.startsWith('Node 26.12.1 / Node 20.20.2: '));
    expect(cross).toBeGreaterThan(block);
    expect(lines[cross + 1]).toMatch(/^\s+figure\s+this\s+baseline$/);
    expect(lines.slice(cross).find((l) => l.startsWith('micro: parse 1 KB'))).toMatch(/time\/op\s+1\.00×\s+0\.50×$/);
  });
});
