/**
 * What a lab can tell the harness: `labs/<slug>/checkpoint.ts` default-exports `defineCheckpoint(fn)`, and
 * the harness calls `fn` once per subject (the package being benchmarked, the baseline, and the reference
 * solution when the run measures one) to get the micro tasks, load scenarios and whether to measure startup,
 * plus the peers (other ways of doing the same job, measured beside the subjects: micro tasks, and/or a package
 * folder measured under load like a subject). The same file serves labs/<slug> and solutions/<slug>. Its
 * scenarios and peers are checked here (checkScenarios, checkPeers).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { CreateApp } from '@hotpath/api';
import type { MicroTask } from './micro.ts';
import type { Scenario } from './scenarios.ts';

export interface CheckpointSubject {
  /** 'subject' (the package the bench runs in), 'baseline', or 'reference' (the reference solution, with `--reference`). */
  key: string;
  /** Repo-relative folder, e.g. `solutions/03-byte-parsing`. */
  label: string;
  /** Absolute package folder. */
  dir: string;
  /** Absolute path of its src/app.ts. */
  appModule: string;
  /** Its createApp(), imported through tsx. */
  createApp: CreateApp;
}

/**
 * A contestant that is none of the subjects: neither the package, the reference nor the baseline, but another
 * way of doing the same job — a library to beat (e.g. fast-json-stringify, with micro tasks), or a variant of
 * an app (e.g. lab 04's reference with its pool bypassed, a package folder measured under load). Its micro
 * tasks run interleaved with the subjects' same-named tasks; a peer with `dir` is also measured in the load
 * and startup sections exactly like a subject (fresh server per round, turns rotating with the subjects). Its
 * results are stored under `peerKey(name)`.
 */
export interface Peer {
  /** Its name, as the table and the results show it, e.g. 'fast-json-stringify'. Unique within a definition. */
  name: string;
  /** Its micro tasks, matched with the subjects' tasks by name. Default: none. */
  micro?: MicroTask[];
  /**
   * A package folder holding src/app.ts (exporting createApp), served by the kit's launcher like any package
   * and measured in the load and startup sections beside the subjects. Absolute, or relative to the folder of
   * the checkpoint definition file (labs/<slug>/ for a lab's checkpoint.ts; `join(repoRoot, …)` from
   * @hotpath/workshop/paths gives an absolute one).
   */
  dir?: string;
  /**
   * A command that serves the peer instead of a package folder (e.g. `node dist/server.cjs`, a single
   * executable, a raw node:http server): measured like a `dir` peer. See ServeCommand.
   */
  serve?: ServeCommand;
  /**
   * Which of the load and startup sections measure a peer with `dir` or `serve`. Default both; a peer that
   * answers GET /health only (a raw node:http server) is `['startup']`.
   */
  sections?: ReadonlyArray<'load' | 'startup'>;
  /**
   * The load scenarios (by name) a peer with `dir` or `serve` takes part in, e.g. `['GET /todos']` for one
   * scenario on another runtime. Default: every scenario. GET /health is not added for it.
   */
  scenarios?: readonly string[];
  /**
   * Why this machine or runtime cannot run the peer (e.g. "Node 20.20.2 does not strip TypeScript types (Node ≥
   * 22.18 does): …", ending in how to get what it needs). Such a peer is not measured and not a failure: the
   * result lists it in `unavailable` with this reason. A peer with `serve` whose discarded start-up fails is
   * recorded there the same way.
   */
  unavailable?: string;
}

/**
 * How a server is started when not by the kit's launcher (tsx on src/app.ts): a built bundle or binary. The
 * command must serve on 127.0.0.1:$PORT (PORT=0: any free port) and print
 * "listening on http://127.0.0.1:<port>" once bound, as every Hot Path server does. For the load section's
 * probe it gets NODE_OPTIONS=--require <the probe bundled as CommonJS> (a Node 20 single executable honours
 * --require, not --import); otherwise NODE_OPTIONS is removed from its environment.
 */
export interface ServeCommand {
  /** Executable: `process.execPath` for a bundle, or a binary's path. */
  command: string;
  args?: readonly string[];
  /** Working directory (default: the current one). */
  cwd?: string;
  /** How tables and results name it, e.g. `dist/server-sea-codecache`. */
  label?: string;
  /** Variables added to its environment (e.g. NODE_COMPILE_CACHE for a compile-cache row). */
  env?: Readonly<Record<string, string>>;
  /** The runtime that runs it when it is not this node, as tables name it (e.g. "Bun 1.4.5"). */
  runtime?: string;
  /**
   * What has to be shipped to run it, for the result's `footprint`: one file (a binary, a bundle); null for
   * sources run by a runtime (their size says nothing). Default: the command, or with `process.execPath` as the
   * command its first argument.
   */
  ships?: string | null;
  /**
   * false: started without the in-server probe, because the runtime cannot carry it (Bun: the probe counts
   * V8's heap and collections). Under load such a server gives requests/s, latency and RSS (read from
   * /proc) only; its heap, GC and ArrayBuffer figures are null. Default true.
   */
  probe?: boolean;
}

/** Prefix of a peer's key in `micro.tasks[].results` and `Ratio.subjectKey`. */
export const PEER_KEY_PREFIX = 'peer:';

/** The results key of a peer: `peer:<name>`. */
export function peerKey(name: string): string {
  return `${PEER_KEY_PREFIX}${name}`;
}

export interface CheckpointDefinition {
  /** Micro tasks, matched across subjects by name. Default: none. */
  micro?: MicroTask[];
  /**
   * Peers: micro tasks and/or a package folder measured under load (see Peer). Only the benchmarked package's
   * own definition counts (the one called with `subject.key === 'subject'`), as for `scenarios`. Default: none.
   */
  peers?: Peer[];
  /** Load scenarios; GET /health is added first when missing. Default: defaultScenarios(). */
  scenarios?: Scenario[];
  /** Measure startup. Default true. */
  startup?: boolean;
  /**
   * How this subject's server is started in the load and startup sections. Default: the kit's launcher on
   * the package's src/app.ts (what `pnpm start` does). Lab 05 serves its built binary instead.
   */
  serve?: ServeCommand;
  /**
   * Work to do once before anything is measured, e.g. lab 05's build of the binaries `serve` starts. The
   * harness calls it (defining a checkpoint never builds anything); a rejection fails the run with its message.
   */
  prepare?: () => Promise<void>;
  /**
   * Record the footprint of every server the startup section measures (the result's `startup.footprint`): for
   * a package folder, its files with its runtime dependency closure, the launcher and the node binary; for a
   * serve command, the file it ships. Default false.
   */
  footprint?: boolean;
}

export type CheckpointFn = (subject: CheckpointSubject) => CheckpointDefinition | Promise<CheckpointDefinition>;

export interface Checkpoint {
  readonly kind: 'hotpath-checkpoint';
  readonly define: CheckpointFn;
}

/** Wraps a lab's checkpoint function; default-export the result from `labs/<slug>/checkpoint.ts`. */
export function defineCheckpoint(fn: CheckpointFn): Checkpoint {
  return { kind: 'hotpath-checkpoint', define: fn };
}

/** Accepts what a checkpoint file default-exports: defineCheckpoint(fn), or a bare function. */
export function asCheckpoint(value: unknown, file: string): Checkpoint {
  if (typeof value === 'function') return defineCheckpoint(value as CheckpointFn);
  if (value && typeof value === 'object' && (value as Checkpoint).kind === 'hotpath-checkpoint' && typeof (value as Checkpoint).define === 'function') {
    return value as Checkpoint;
  }
  throw new Error(`${file} must default-export defineCheckpoint((subject) => ({ micro, scenarios, startup }))`);
}

/**
 * A definition's load scenarios, checked: each needs a name (unique), a method and a path starting with '/';
 * `expect` is '2xx' or 'any'; `expectStatus`, when given, is a non-2xx HTTP status (an integer 300–599: a
 * 2xx is expected anyway). Throws, naming the scenario and what to write instead.
 */
export function checkScenarios(scenarios: readonly Scenario[]): void {
  const seen = new Set<string>();
  for (const scenario of scenarios) {
    if (!scenario || typeof scenario.name !== 'string' || scenario.name.trim() === '') throw new Error('every scenario needs a name');
    const where = `scenario "${scenario.name}"`;
    if (seen.has(scenario.name)) throw new Error(`two scenarios are named "${scenario.name}"`);
    seen.add(scenario.name);
    if (typeof scenario.path !== 'string' || !scenario.path.startsWith('/'))
      throw new Error(`${where}: path must start with '/', got ${JSON.stringify(scenario.path)}`);
    if (scenario.expect !== undefined && scenario.expect !== '2xx' && scenario.expect !== 'any') {
      throw new Error(`${where}: expect must be '2xx' or 'any', got ${JSON.stringify(scenario.expect)}`);
    }
    const status = scenario.expectStatus;
    if (status !== undefined && !(Number.isInteger(status) && status >= 300 && status <= 599)) {
      throw new Error(
        `${where}: expectStatus must be the non-2xx HTTP status it answers on purpose, an integer from 300 to 599 (e.g. expectStatus: 404), got ${JSON.stringify(status)}`,
      );
    }
  }
}

/**
 * The peers of a definition, checked: each needs a non-empty, unique name and micro tasks, a package folder, or
 * both. A relative `dir` is resolved against `baseDir` (the checkpoint file's folder; default: the current
 * directory); a `dir` without src/app.ts is refused. Returns the peers with absolute dirs.
 */
export function checkPeers(peers: readonly Peer[] | undefined, baseDir = process.cwd()): Peer[] {
  const seen = new Set<string>();
  const out: Peer[] = [];
  for (const peer of peers ?? []) {
    if (!peer || typeof peer.name !== 'string' || peer.name.trim() === '') throw new Error('every peer needs a name');
    if (seen.has(peer.name)) throw new Error(`two peers are named ${peer.name}`);
    if (peer.micro !== undefined && !Array.isArray(peer.micro)) throw new Error(`peer ${peer.name}: micro must be a list of micro tasks`);
    if (peer.dir !== undefined && (typeof peer.dir !== 'string' || peer.dir === '')) throw new Error(`peer ${peer.name}: dir must be a package folder path`);
    if (peer.serve !== undefined && (typeof peer.serve?.command !== 'string' || peer.serve.command === ''))
      throw new Error(`peer ${peer.name}: serve needs a command`);
    if (peer.serve !== undefined && peer.dir !== undefined) throw new Error(`peer ${peer.name}: give a dir or a serve command, not both`);
    if (peer.sections !== undefined && (!Array.isArray(peer.sections) || peer.sections.some((s) => s !== 'load' && s !== 'startup'))) {
      throw new Error(`peer ${peer.name}: sections must list 'load' and/or 'startup'`);
    }
    if (peer.scenarios !== undefined && (!Array.isArray(peer.scenarios) || peer.scenarios.length === 0 || peer.scenarios.some((n) => typeof n !== 'string'))) {
      throw new Error(`peer ${peer.name}: scenarios must list the names of the load scenarios it takes part in`);
    }
    if (peer.unavailable !== undefined && (typeof peer.unavailable !== 'string' || peer.unavailable.trim() === ''))
      throw new Error(`peer ${peer.name}: unavailable must say why this machine cannot run it, and how to get what it needs`);
    if (peer.micro === undefined && peer.dir === undefined && peer.serve === undefined) {
      throw new Error(`peer ${peer.name} needs a micro list, a dir (a package folder) or a serve command`);
    }
    seen.add(peer.name);
    if (peer.dir === undefined) {
      out.push(peer);
      continue;
    }
    const dir = isAbsolute(peer.dir) ? resolve(peer.dir) : resolve(baseDir, peer.dir);
    if (!existsSync(join(dir, 'src', 'app.ts'))) {
      throw new Error(`peer ${peer.name}: no src/app.ts in ${dir} (a peer's dir must be a package folder whose src/app.ts exports createApp)`);
    }
    out.push({ ...peer, dir });
  }
  return out;
}
