/**
 * `hotpath-bench`: the checkpoint every lab's `pnpm bench` runs. From a lab or solution package folder it
 * measures that package and the lab's baseline (the solution the manifest's `baseline` names, lab 00's by
 * default) in the same run — micro tasks (with the definition's peers), load with the in-server probe,
 * startup — interleaving the two (three with `--reference`, the lab's reference solution; plus every peer
 * with a package folder in load and startup), then writes the JSON result and prints the ratios.
 * `runCheckpoint` is the programmatic entry.
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describeLabDir, repoRoot } from '@hotpath/workshop/paths';
import { asCheckpoint, checkPeers, checkScenarios, peerKey, type CheckpointDefinition, type Peer, type ServeCommand } from './define.ts';
import { serverFootprint, type Footprint } from './footprint.ts';
import { busyDuring, busyWarning, noiseSamples } from './busy.ts';
import { finishFingerprint, sampleOtherCpus, takeFingerprint } from './fingerprint.ts';
import { runLoad } from './load.ts';
import { runMicroSection } from './micro-section.ts';
import { RUN_DEFAULTS } from './run-defaults.ts';
import { computeRatios, Progress, SCHEMA_VERSION, writeResult, type CheckpointResult } from './report.ts';
import { formatTable } from './table.ts';
import { SECTIONS, parseArgs, USAGE, type CheckpointOptions } from './args.ts';
import { resolveRuntimes, serversOnRuntimes, startMicroWorkers } from './runtime-run.ts';
import { computeRuntimeRatios, tagRuntimes } from './runtime-results.ts';
import { HEALTH_SCENARIO, defaultScenarios, ingestBody, type Scenario } from './scenarios.ts';
import { choosePinning } from './server.ts';
import { measureStartup, type StartupResult } from './startup.ts';
import { defaultBaselineDir, label, loadSubject, resolveSubjects } from './subjects.ts';

export { parseArgs, USAGE, type CheckpointOptions };

/**
 * Runs a checkpoint and writes its result (unless the package folder does not exist and no `json` is given).
 * Never throws for measurement failures: they are in `result.failures`. Usable from other packages: the
 * caller prints `table` itself (or not) and reads `result`.
 */
export async function runCheckpoint(options: CheckpointOptions): Promise<{ result: CheckpointResult; paths: string[]; table: string }> {
  const t0 = performance.now();
  const progress = new Progress(process.stderr, options.progress ?? true);
  const dir = resolve(options.dir);
  const lab = describeLabDir(dir);
  const warnings: string[] = [];
  const failures: string[] = [];
  if (!lab) warnings.push(`${dir} is not a labs/NN-slug or solutions/NN-slug folder`);
  if (!existsSync(join(dir, 'src', 'app.ts'))) failures.push(`No src/app.ts in ${dir}: nothing to measure`);

  // Other runtimes (--runtime): resolved first, so a missing one stops the run before anything is measured.
  const { primary, others } = await resolveRuntimes(options.runtimes ?? [], process.cwd(), warnings, failures);
  const baselineDir = resolve(options.baselineDir ?? defaultBaselineDir(dir));
  const { subjects, baselineKey, warnings: subjectWarnings } = resolveSubjects(dir, baselineDir, options.referenceDir);
  warnings.push(...subjectWarnings);

  // The checkpoint definition: labs/<slug>/checkpoint.ts, evaluated once per subject.
  const checkpointFile = options.checkpointFile ?? (lab ? join(repoRoot, 'labs', lab.slug, 'checkpoint.ts') : undefined);
  const definitions = new Map<string, CheckpointDefinition>();
  let definitionSource = 'defaults';
  if (failures.length === 0 && checkpointFile && existsSync(checkpointFile)) {
    definitionSource = label(checkpointFile);
    try {
      progress.step(`loading ${definitionSource}`);
      const checkpoint = asCheckpoint((await import(pathToFileURL(checkpointFile).href)).default, checkpointFile);
      for (const info of subjects) definitions.set(info.key, await checkpoint.define(await loadSubject(info)));
    } catch (error) {
      failures.push(`Checkpoint definition ${definitionSource} failed: ${(error as Error).stack ?? error}`);
    }
  }
  // Preparations (builds) before any measurement, subject by subject.
  for (const info of subjects) {
    const prepare = definitions.get(info.key)?.prepare;
    if (!prepare || failures.length) continue;
    try {
      progress.step(`preparing ${info.label}`);
      await prepare();
    } catch (error) {
      failures.push(`Checkpoint definition ${definitionSource} failed: preparing ${info.label}: ${(error as Error).message ?? error}`);
    }
  }
  const own = definitions.get('subject') ?? {};
  // Peers come from the benchmarked package's own definition, like its scenarios; a relative peer dir is
  // resolved against the checkpoint file's folder.
  let peers: Peer[] = [];
  try {
    peers = checkPeers(own.peers, checkpointFile ? dirname(checkpointFile) : dir);
  } catch (error) {
    failures.push(`Checkpoint definition ${definitionSource} failed: ${(error as Error).message}`);
  }
  let scenarios: Scenario[] = own.scenarios ?? (await defaultScenarios());
  if (!scenarios.some((s) => s.name === HEALTH_SCENARIO)) scenarios = [{ name: HEALTH_SCENARIO, method: 'GET', path: '/health' }, ...scenarios];
  try {
    checkScenarios(scenarios);
    for (const peer of peers) {
      const unknown = peer.scenarios?.find((name) => !scenarios.some((s) => s.name === name));
      if (unknown !== undefined) throw new Error(`peer ${peer.name}: no load scenario is named "${unknown}" (${scenarios.map((s) => s.name).join(', ')})`);
    }
  } catch (error) {
    failures.push(`Checkpoint definition ${definitionSource} failed: ${(error as Error).message}`);
  }
  const usesIngest = scenarios.some((s) => s.path.startsWith('/ingest'));
  // Who the load and startup sections measure: the subjects, then the peers with a package folder.
  // A peer served by a command is labelled by it and measured from its cwd.
  // A peer this machine cannot run (its `unavailable` reason) is listed, not measured.
  const servedPeers = peers.filter((p) => (p.dir !== undefined || p.serve !== undefined) && p.unavailable === undefined);
  const unavailable = peers.flatMap((p) => (p.unavailable === undefined ? [] : [{ key: peerKey(p.name), name: p.name, reason: p.unavailable }]));
  const peerPackages = servedPeers.map((p) =>
    p.serve
      ? {
          name: p.name,
          label: p.serve.label ?? p.serve.command,
          dir: p.serve.cwd ?? dir,
          command: true as const,
          ...(p.serve.runtime ? { runtime: p.serve.runtime } : {}),
        }
      : { name: p.name, label: label(p.dir!), dir: p.dir! },
  );
  const subjectServers = subjects.map((s) => ({ key: s.key, dir: s.dir, serve: definitions.get(s.key)?.serve }));
  // The same servers again on each other runtime, after this runtime's, all taking turns in the same rounds.
  const serversFor = (section: 'load' | 'startup') =>
    serversOnRuntimes(
      [
        ...subjectServers,
        ...servedPeers
          .filter((p) => !p.sections || p.sections.includes(section))
          .map((p) => ({
            key: peerKey(p.name),
            dir: p.dir ?? dir,
            serve: p.serve,
            optional: p.serve !== undefined,
            ...(p.scenarios ? { scenarios: p.scenarios } : {}),
          })),
      ],
      others,
      section,
      warnings,
    );

  const quick = options.quick;
  const defaults = RUN_DEFAULTS[quick ? 'quick' : 'full'];
  const sections = (options.only ?? [...SECTIONS]).filter((s) => !(s === 'startup' && own.startup === false));
  const pinning = choosePinning(options.pin ?? true);
  progress.step('fingerprint: sampling CPU use before the run');
  let fingerprint = await takeFingerprint({ repoRoot, pinning });
  // Judged for the whole run at its end (one warning then); said now too, while there is time to stop it.
  if (fingerprint.busy)
    progress.note(`the machine looks busy before the run (${fingerprint.busyReasons.join('; ')}): close other programs for figures of your code`);
  if (!pinning.used) warnings.push(`Server and load generator not pinned to separate CPUs: ${pinning.reason}`);

  const result: CheckpointResult = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: '@hotpath/harness', version: '0.1.0' },
    createdAt: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    sections,
    durationMs: 0,
    subjects,
    baselineKey,
    definition: definitionSource,
    // A peer this machine cannot run is in startup.unavailable, not among the measured.
    peers: peers.filter((p) => p.unavailable === undefined).map((p) => p.name),
    ...(peerPackages.length ? { peerPackages } : {}),
    ...(subjectServers.some((s) => s.serve)
      ? { servedBy: Object.fromEntries(subjectServers.flatMap((s) => (s.serve ? [[s.key, s.serve.label ?? s.serve.command]] : []))) }
      : {}),
    runtime: { id: primary.id, label: primary.label, kind: primary.kind, version: primary.version, major: primary.major, v8: primary.v8 },
    ...(others.length
      ? { runtimes: others.map((r) => ({ id: r.id, label: r.label, kind: r.kind, version: r.version, major: r.major, v8: r.v8, path: r.path })) }
      : {}),
    ingestBodySource: usesIngest ? (await ingestBody()).source : null,
    fingerprint,
    micro: null,
    load: null,
    startup: null,
    ratios: [],
    warnings,
    failures,
    ok: false,
  };
  const canRun = !failures.some((f) => f.startsWith('No src/app.ts') || f.startsWith('Checkpoint definition') || f.startsWith('--runtime'));

  if (canRun && sections.includes('micro')) {
    // On other runtimes the definition's micro tasks run in a worker each, in the same rounds as this process's.
    const hasMicro = [...definitions.values()].some((d) => d.micro?.length) || peers.some((p) => p.micro?.length);
    const init = { checkpointFile: checkpointFile!, subjects, peerBaseDir: checkpointFile ? dirname(checkpointFile) : dir, cwd: dir };
    const step = (line: string) => progress.step(line);
    const workers = hasMicro && checkpointFile && others.length ? await startMicroWorkers(others, init, failures, warnings, step) : [];
    try {
      const micro = await runMicroSection(subjects, definitions, peers, { quick, onStep: step, remotes: workers });
      failures.push(...micro.failures);
      warnings.push(...micro.warnings);
      result.micro = { tasks: micro.tasks };
    } finally {
      for (const worker of workers) {
        const failed = worker.failure();
        if (failed) failures.push(`Micro on ${worker.runtime.label}: ${failed}`);
        await worker.stop();
      }
    }
  }

  if (canRun && sections.includes('load')) {
    try {
      result.load = await runLoad(serversFor('load'), scenarios, {
        rounds: options.rounds ?? defaults.rounds,
        durationSec: options.durationSec ?? defaults.durationSec,
        warmupSec: options.warmupSec ?? defaults.warmupSec,
        connections: options.connections ?? 50,
        pin: options.pin ?? true,
        onStep: (line) => progress.step(line),
      });
      failures.push(...result.load.failures);
      warnings.push(...result.load.warnings);
    } catch (error) {
      failures.push(`Load: ${(error as Error).message}`);
    }
  }

  if (canRun && sections.includes('startup')) {
    try {
      result.startup = await measureStartup(serversFor('startup'), {
        runs: options.startupRuns ?? defaults.startupRuns,
        onStep: (line) => progress.step(line),
      });
      warnings.push(...result.startup.warnings);
      const left = [...unavailable, ...(result.startup.unavailable ?? [])];
      if (left.length) result.startup.unavailable = left;
      if (own.footprint) result.startup.footprint = footprints(serversFor('startup'), result.startup, warnings);
    } catch (error) {
      failures.push(`Startup: ${(error as Error).message}`);
    }
  }

  // Busy over the whole run: at the start, in the load rounds and micro tasks, or in a sample after the run.
  progress.step('fingerprint: sampling CPU use after the run');
  fingerprint = finishFingerprint(fingerprint, { otherCpusAfter: await sampleOtherCpus(1000), during: busyDuring(noiseSamples(result)) });
  if (fingerprint.busy) warnings.unshift(busyWarning(fingerprint.busyReasons));
  result.fingerprint = fingerprint;
  result.ratios = computeRatios(result);
  tagRuntimes(result);
  if (others.length) result.runtimeRatios = computeRuntimeRatios(result);
  result.durationMs = Math.round(performance.now() - t0);
  result.ok = failures.length === 0;
  progress.end();
  // A folder that does not exist gets no .checkpoint/ created in it.
  const paths = options.json || existsSync(dir) ? writeResult(result, { json: options.json, packageDir: dir }) : [];
  return { result, paths, table: formatTable(result) };
}

/** What each server the startup section measured ships (see serverFootprint); one that cannot be sized is a warning. */
function footprints(servers: ReadonlyArray<{ key: string; dir: string; serve?: ServeCommand; node?: string }>, startup: StartupResult, warnings: string[]) {
  const out: Record<string, Footprint> = {};
  for (const server of servers.filter((s) => startup.results[s.key])) {
    try {
      const footprint = serverFootprint(server, label);
      if (footprint) out[server.key] = footprint;
    } catch (error) {
      warnings.push(`Footprint of ${server.key}: ${(error as Error).message}`);
    }
  }
  return out;
}

/** The CLI: parses argv, runs, prints the table and where the JSON went; returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if ('help' in parsed) {
    console.log(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(`${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const { result, paths, table } = await runCheckpoint(parsed.options);
  console.log(table);
  const where = paths.length ? paths.map((p) => relative(process.cwd(), p) || p).join(' and ') : 'not written';
  console.log(`\nTook ${(result.durationMs / 1000).toFixed(1)} s. Results: ${where}`);
  return result.ok ? 0 : 1;
}
