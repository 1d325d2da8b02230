/**
 * The checkpoint result, defined once: the document `hotpath-bench` writes (schemaVersion 1; SCHEMA.md says
 * what each field means) as a TypeBox schema. The harness's types (report.ts), the kit's `pnpm lab bench` and
 * the site's charts take their types from it (`Static<>`), and checkpoint.schema.json is generated from it
 * (`pnpm --dir shared/harness schema`; test/schema-file.test.ts fails when the committed file differs).
 *
 * Adding a field: add it here — `Type.Optional(...)` unless every result ever written has it, so older results
 * stay valid (the site reads them) — then run the schema script and commit both. A named part (`Def`) is
 * written once under `$defs` and referred to by `$ref` wherever it is used.
 */
import type { CarriedViews } from './run-views.ts';
import { type ObjectOptions, type SchemaOptions, type TObject, type TProperties, type Static, type TSchema, type TUnsafe, Type } from '@sinclair/typebox';

/** Every named part of the schema, by name: the schema file writes each once under `$defs`. */
export const RESULT_DEFS: Map<string, TSchema> = new Map();

/** A named part of the schema (its `$id` is its name under `$defs`); a use that changes a keyword keeps the change beside the `$ref`. */
function Def<T extends TSchema>(id: string, schema: T): T {
  const def = { ...schema, $id: id };
  RESULT_DEFS.set(id, def);
  return def;
}

/** A named object (`Type.Object(properties, options)`): how most named parts are written. */
const DefObject = <T extends TProperties>(id: string, properties: T, options: ObjectOptions = {}): TObject<T> => Def(id, Type.Object(properties, options));

/** A named part with a description of its own where it is used. */
const Described = <T extends TSchema>(schema: T, description: string): T => ({ ...schema, description });

/** One of a few JSON values, as the JSON Schema `enum` keyword (the type is the union of them). */
const Literals = <const T extends readonly (string | number | boolean | null)[]>(values: T, options: SchemaOptions = {}): TUnsafe<T[number]> =>
  Type.Unsafe<T[number]>({ ...options, enum: [...values] });

/** An object whose keys are free and whose values all have one schema (`additionalProperties`). */
const Dict = <T extends TSchema>(values: T, options: SchemaOptions = {}): TUnsafe<Record<string, Static<T>>> =>
  Type.Unsafe<Record<string, Static<T>>>({ ...options, type: 'object', additionalProperties: values });

/** A count: a whole number, 0 or more. */
const Count = Type.Integer({ minimum: 0 });

/** A number, or null where it could not be measured. */
const NumberOrNull = Type.Union([Type.Number(), Type.Null()]);

/** The failed answers of a load round, or of a scenario summed over its rounds. */
const failedAnswers = { errors: Count, timeouts: Count, non2xx: Count };

/** The median, min and max of one figure over the runs. */
export const Spread = DefObject('spread', { median: Type.Number(), min: Type.Number(), max: Type.Number() });

/** Which runtime a figure was measured on. */
export const RuntimeId = Def(
  'runtimeId',
  Type.String({
    description:
      "the id of the runtime it ran on: the result's runtime.id, or one of runtimes[].id (its key ends @<id>). Optional: absent in results written before runtimes were recorded",
  }),
);

export const Runtime = DefObject('runtime', {
  id: Type.String({ description: 'node20, node26, bun (the version, e.g. node26.10.0, when two runtimes share a major): the @ suffix of result keys' }),
  label: Type.String({ description: 'Node 26.12.1, Bun 1.4.5' }),
  kind: Literals(['node', 'bun']),
  version: Type.String({ description: 'without a leading v' }),
  major: Type.Integer(),
  v8: Type.Union([Type.String(), Type.Null()]),
  path: Type.Optional(Type.String({ description: 'the binary (runtimes only)' })),
});

export const Subject = DefObject('subject', {
  key: Type.String(),
  label: Type.String(),
  dir: Type.String(),
  role: Literals(['subject', 'baseline', 'subject+baseline', 'reference'], {
    description:
      'subject: the package the bench ran in; baseline: what ratios divide by; subject+baseline: a package that is its own baseline; reference: the reference solution measured with --reference',
  }),
});

export const Pinning = DefObject('pinning', {
  used: Type.Boolean(),
  serverCpu: Type.Union([Type.Integer(), Type.Null()]),
  loadCpu: Type.Union([Type.Integer(), Type.Null()]),
  reason: Type.Optional(Type.String()),
});

export const Fingerprint = DefObject('fingerprint', {
  node: Type.String(),
  v8: Type.String(),
  platform: Type.String(),
  arch: Type.String(),
  osRelease: Type.String(),
  cpuModel: Type.String(),
  cores: Type.Integer({ minimum: 1 }),
  totalMemoryBytes: Type.Number(),
  loadAverageStart: Type.Array(Type.Number(), { minItems: 3, maxItems: 3 }),
  loadAverageEnd: Type.Union([Type.Array(Type.Number()), Type.Null()]),
  otherCpusBefore: NumberOrNull,
  pinning: Type.Union([Type.Null(), Pinning]),
  nodeExtraCaCerts: Type.Boolean(),
  gitCommit: Type.Union([Type.String(), Type.Null()]),
  gitDirty: Type.Union([Type.Boolean(), Type.Null()]),
  date: Type.String({ format: 'date-time' }),
  busy: Type.Boolean({
    description:
      'the run as a whole looked busy: at the start, during the run (noisy load rounds or micro tasks) or at the end (busyAt says which). In results written before busyAt: at the start only',
  }),
  busyReasons: Type.Array(Type.String(), {
    description:
      'why, each reason saying when ("at the start: …", "during the run: …", "at the end: …"); results written before busyAt give the start\'s reasons without that prefix',
  }),
  busyAt: Type.Optional(
    Type.Object(
      {
        start: Type.Boolean(),
        during: Type.Boolean(),
        end: Type.Boolean(),
      },
      { description: 'when the machine looked busy. Optional: absent in results written before it existed' },
    ),
  ),
  otherCpusAfter: Type.Optional(
    Type.Union([Type.Number(), Type.Null()], {
      description: 'CPUs used by other processes in a 300 ms sample after the run (null without /proc). Optional: absent in results written before it existed',
    }),
  ),
});

export const BytesPerOp = DefObject('bytesPerOp', {
  bytesPerOp: Type.Number(),
  median: Type.Number(),
  min: Type.Number(),
  max: Type.Number(),
  rounds: Count,
  gcFreeRounds: Count,
  iterations: Count,
  precision: Type.Number(),
  arrayBuffersPerOp: Type.Number(),
  overheadBytes: Type.Optional(Type.Number()),
  gcAccounted: Type.Optional(Type.Boolean()),
  youngGenerationBytes: Type.Optional(Type.Number()),
});

export const MicroResult = DefObject('microResult', {
  runtime: Type.Optional(RuntimeId),
  name: Type.String(),
  hz: Type.Number(),
  nsPerOp: Type.Number(),
  rme: Type.Number(),
  samples: Count,
  batch: Count,
  rounds: Type.Integer({ minimum: 1 }),
  bytesPerOp: NumberOrNull,
  bytesPrecision: NumberOrNull,
  arrayBuffersPerOp: NumberOrNull,
  bytes: Type.Union([Type.Null(), BytesPerOp]),
  mbPerSec: Type.Optional(
    Type.Number({
      minimum: 0,
      description: "throughput in MB/s (1 MB = 10^6 bytes): the task's inputBytes / nsPerOp * 1000. Optional: only when the task gives inputBytes",
    }),
  ),
});

export const ArrayBufferSampling = DefObject(
  'arrayBufferSampling',
  {
    periodMs: Type.Number({ minimum: 0 }),
    settleMs: Type.Number({ minimum: 0 }),
    samples: Count,
    intervals: Count,
    gcs: Count,
    gcIntervals: Type.Integer({ minimum: 0, description: 'intervals left out because a GC overlapped them or ended less than settleMs before' }),
    sweepIntervals: Type.Integer({
      minimum: 0,
      description: 'other intervals left out because the ArrayBuffer sweeper was at work (A fell, or A and E grew differently)',
    }),
    cleanIntervals: Count,
    cleanRequests: Type.Number({ minimum: 0 }),
    cleanBytes: Type.Number(),
    samplingMs: Type.Number({
      minimum: 0,
      description: "time spent taking the samples, in ms (wall clock inside the sampler): the sampling's cost to the server",
    }),
  },
  {
    description:
      "how a probe window's arrayBufferBytesPerRequest was measured: arrayBuffers (A), V8's external_memory (E) and the finished-request counter sampled every periodMs; an interval is clean when no GC overlaps it or ended less than settleMs before it, A did not fall and A and E grew alike",
  },
);

export const ProbeWindow = DefObject('probeWindow', {
  requests: Count,
  requestsStarted: Count,
  heapBytes: Type.Number(),
  heapBytesPerRequest: Type.Number(),
  gcCount: Count,
  scavenges: Count,
  markCompacts: Count,
  gcPauseMs: Type.Number(),
  arrayBuffersDelta: Type.Number(),
  rssBytes: Type.Number(),
  peakRssBytes: NumberOrNull,
  durationMs: Type.Number(),
  arrayBufferBytesPerRequest: Type.Optional(
    Type.Union([Type.Number(), Type.Null()], {
      description:
        'ArrayBuffer bytes allocated per finished request (gross): growth of arrayBuffers / requests over the clean sampling intervals; null when too few were clean or sampling was off. Optional: absent in results written before it existed',
    }),
  ),
  arrayBufferSampling: Type.Optional(ArrayBufferSampling),
  appStats: Type.Optional(Dict(Dict(Type.Number()), { description: "the app's registered stats when the window stopped ({} when none). Optional" })),
});

export const LoadRound = DefObject('loadRound', {
  rps: Type.Number(),
  responses: Count,
  latencyUs: Type.Object({
    mean: Type.Number(),
    p50: Type.Number(),
    p90: Type.Number(),
    p99: Type.Number(),
    p999: Type.Number(),
    max: Type.Number(),
  }),
  ...failedAnswers,
  statusCodes: Dict(Count),
  probe: Type.Union([ProbeWindow, Type.Null()], {
    description: "the in-server probe's window; null for a server started without the probe (serve.probe false: Bun, whose engine has not V8's hooks)",
  }),
  proc: Type.Optional(
    Type.Object(
      { rssBytes: NumberOrNull, peakRssBytes: NumberOrNull },
      { description: "without the probe: the server's VmRSS and VmHWM from /proc at the end of the round. Optional: only then" },
    ),
  ),
  serverCpus: NumberOrNull,
  loadGeneratorCpus: NumberOrNull,
  otherCpus: NumberOrNull,
  noisy: Type.Boolean(),
  retried: Type.Boolean(),
});

export const ScenarioSummary = DefObject('scenarioSummary', {
  runtime: Type.Optional(RuntimeId),
  rps: Type.Number(),
  p50Us: Type.Number(),
  p99Us: Type.Number(),
  heapBytesPerRequest: Type.Union([Type.Number(), Type.Null()], {
    description: 'null for a server measured without the probe (Bun), as are gcPer10kRequests and arrayBuffersPerRequest',
  }),
  appHeapBytesPerRequest: NumberOrNull,
  gcPer10kRequests: NumberOrNull,
  arrayBuffersPerRequest: NumberOrNull,
  rssBytes: Type.Union([Type.Number(), Type.Null()], {
    description: "RSS after the round: the probe's, or /proc's VmRSS without it; null when neither read it",
  }),
  peakRssBytes: NumberOrNull,
  ...failedAnswers,
  expectedNon2xx: Type.Optional(
    Type.Integer({
      minimum: 0,
      description: "answers with the scenario's expectStatus, counted in non2xx too. Optional: only when the scenario declares expectStatus",
    }),
  ),
  flagged: Type.Boolean({ description: "any error, timeout or non-2xx answer other than the scenario's expectStatus" }),
  rounds: Type.Array(LoadRound, { minItems: 1 }),
  arrayBufferBytesPerRequest: Type.Optional(
    Type.Union([Type.Number(), Type.Null()], {
      description:
        "median over rounds of the probe's arrayBufferBytesPerRequest (rounds without a figure left out); null when no round had one. Optional: absent in results written before it existed",
    }),
  ),
  appArrayBufferBytesPerRequest: Type.Optional(
    Type.Union([Type.Number(), Type.Null()], {
      description: "arrayBufferBytesPerRequest minus the same subject's GET /health figure; null without one. Optional",
    }),
  ),
  arrayBufferBasis: Type.Optional(
    Type.Object(
      {
        rounds: Count,
        intervals: Count,
        cleanIntervals: Count,
        cleanRequests: Type.Number({ minimum: 0 }),
        samplingMs: Type.Number({ minimum: 0 }),
      },
      { description: 'what arrayBufferBytesPerRequest is based on, summed over the rounds that had a figure. Optional' },
    ),
  ),
  appStats: Type.Optional(
    Dict(Dict(Type.Number()), {
      description: "the app's registered stats at the end of the last measured round; only when the app registered some. Optional",
    }),
  ),
});

export const Load = DefObject('load', {
  config: Type.Object({
    rounds: Type.Integer({ minimum: 1 }),
    durationSec: Type.Number(),
    warmupSec: Type.Number(),
    connections: Type.Integer({ minimum: 1 }),
  }),
  pinning: Pinning,
  scenarios: Type.Array(
    Type.Object({
      name: Type.String(),
      method: Type.String(),
      path: Type.String(),
      bodyBytes: Count,
      expect: Literals(['2xx', 'any']),
      expectStatus: Type.Optional(
        Type.Integer({
          minimum: 300,
          description:
            'the non-2xx status the scenario answers on purpose (e.g. 404 for a floor): such answers are counted in non2xx and expectedNon2xx, never flagged. Optional: absent when the scenario declares none',
        }),
      ),
      results: Dict(ScenarioSummary),
    }),
  ),
  failures: Type.Array(Type.String()),
  warnings: Type.Array(Type.String()),
});

export const Unavailable = DefObject('unavailable', {
  key: Type.String(),
  name: Type.String(),
  reason: Type.String({ description: 'why, ending in how to get what it needs when it can be got' }),
});

export const Footprint = DefObject('footprint', {
  file: Type.Optional(Type.String({ description: 'repo-relative path (absolute outside the repo) of the one file a serve command ships' })),
  packagesBytes: Type.Number({ description: 'apparent bytes of every package folder in the closure (node_modules/ inside them excluded)' }),
  nodeBinaryBytes: Type.Number({ description: 'the node binary that runs them' }),
  totalBytes: Type.Number(),
  packageCount: Count,
  packages: Type.Array(Type.String(), { description: 'name@version, or the folder for workspace packages' }),
});

export const Startup = DefObject('startup', {
  config: Type.Object({
    runs: Type.Integer({ minimum: 1 }),
    discarded: Count,
    pollMs: Type.Number(),
    pinned: Type.Literal(false),
    pageCacheDropped: Type.Optional(
      Type.Boolean({ description: "node and every served command's executable were dropped from the OS page cache before the runs" }),
    ),
  }),
  nodeExtraCaCerts: Type.Boolean(),
  results: Dict(
    Type.Object({
      runtime: Type.Optional(
        Type.String({ description: "the id of the runtime the server ran on (its key ends @<id> when not the result's runtime). Optional" }),
      ),
      runs: Count,
      firstOkMs: Spread,
      peakRssBytes: Type.Union([Type.Null(), Spread]),
      samplesMs: Type.Array(Type.Number()),
    }),
  ),
  unavailable: Type.Optional(
    Type.Array(Unavailable, { description: "peers this run could not start (the definition's unavailable, or a failed discarded start). Optional" }),
  ),
  footprint: Type.Optional(
    Dict(Footprint, { description: "with the definition's footprint: true, what has to be shipped to run each measured server, by key. Optional" }),
  ),
  warnings: Type.Array(Type.String()),
});

export const Ratio = DefObject('ratio', {
  section: Literals(['micro', 'load', 'startup']),
  name: Type.String(),
  metric: Literals([
    'rps',
    'p50',
    'p99',
    'heapBytesPerRequest',
    'gcPer10k',
    'appHeapBytesPerRequest',
    'arrayBufferBytesPerRequest',
    'appArrayBufferBytesPerRequest',
    'startupMs',
    'peakRss',
    'nsPerOp',
    'bytesPerOp',
    'mbPerSec',
  ]),
  unit: Literals(['req/s', 'µs', 'B', 'ms', 'ns', 'GCs', 'MB/s']),
  better: Literals(['higher', 'lower']),
  subjectKey: Type.String({
    description:
      'whose figure `subject` is: "subject" (the package), "reference", or "peer:<name>" (a peer: micro figures, and load and startup figures for a peer with a package folder)',
  }),
  subject: NumberOrNull,
  baseline: Type.Union([Type.Number(), Type.Null()], { description: "the baseline's figure; null for a peer's micro task the baseline does not define" }),
  ratio: NumberOrNull,
  flagged: Type.Boolean(),
  runtime: Type.Optional(
    Type.String({ description: 'runtimeRatios only: the id of the runtime subject was measured on (and, without across, the baseline figure too)' }),
  ),
  across: Type.Optional(
    Type.String({
      description:
        "runtimeRatios only, a cross-runtime ratio: the id of the runtime baseline was measured on; baseline is then the same contestant's figure there",
    }),
  ),
});

export const CheckpointResultSchema = Type.Object(
  {
    schemaVersion: Type.Literal(1),
    tool: Type.Object({
      name: Type.Literal('@hotpath/harness'),
      version: Type.String(),
    }),
    createdAt: Type.String({ format: 'date-time' }),
    mode: Literals(['quick', 'full']),
    sections: Type.Array(Literals(['micro', 'load', 'startup'])),
    durationMs: Type.Number({ minimum: 0 }),
    subjects: Type.Array(Subject, { minItems: 1 }),
    baselineKey: Type.String(),
    definition: Type.String(),
    peers: Type.Optional(
      Type.Array(Type.String(), {
        description:
          'names of the peers the package\'s checkpoint definition declared; their results (micro, and load and startup for a peer with a package folder) and ratios are keyed "peer:<name>". Optional: absent in results written before peers existed',
      }),
    ),
    servedBy: Type.Optional(
      Dict(Type.String(), {
        description: "the subjects started by a command (a definition's serve) instead of the kit's launcher: key -> the command's label. Optional",
      }),
    ),
    peerPackages: Type.Optional(
      Type.Array(
        Type.Object({
          name: Type.String(),
          label: Type.String({ description: 'repo-relative folder (absolute outside the repo)' }),
          command: Type.Optional(Type.Literal(true, { description: "set when the peer is started by a serve command; label is then the command's" })),
          dir: Type.String({ description: 'absolute folder (a peer served by a command: its working directory)' }),
          runtime: Type.Optional(Type.String({ description: 'the runtime its serve command brings when it is not this node (e.g. "Bun 1.4.5")' })),
        }),
        {
          description:
            "the peers with a package folder (a definition's peers[].dir), measured in the load and startup sections like the subjects, in peers order. Optional: only present when there is one",
        },
      ),
    ),
    runtime: Type.Optional(
      Described(
        Runtime,
        'the runtime of the process that ran the harness; it measured every result key without an @<id> suffix. Optional: absent in results written before it existed (read fingerprint.node)',
      ),
    ),
    runtimes: Type.Optional(
      Type.Array(Type.Unsafe<Static<typeof Runtime> & { path: string }>({ ...Runtime, required: [...Runtime.required, 'path'] }), {
        description:
          'the other runtimes (--runtime) the same subjects and peers were measured on in the same run, under the keys <key>@<id>. Only present when there is one',
      }),
    ),
    runtimeRatios: Type.Optional(
      Type.Array(Ratio, {
        description:
          "with runtimes: each runtime's own ratios (runtime: <id>), then each contestant's figure on it / its figure on the primary runtime (runtime: <id>, across: <primary id>). Only present with runtimes",
      }),
    ),
    ingestBodySource: Literals(['fixtures-module', null]),
    fingerprint: Fingerprint,
    micro: Type.Union([
      Type.Null(),
      Type.Object({
        tasks: Type.Array(
          Type.Object({
            name: Type.String(),
            inputBytes: Type.Optional(
              Type.Number({
                exclusiveMinimum: 0,
                description:
                  "input bytes one call processes, as the task's definition gives it (for mbPerSec). Optional: absent when the task gives none, and in results written before it existed",
              }),
            ),
            results: Dict(MicroResult),
            otherCpus: Type.Optional(
              Type.Union([Type.Number(), Type.Null()], {
                description:
                  'CPUs used by other processes while the task was measured (null without /proc). Optional: absent in results written before it existed',
              }),
            ),
            noisy: Type.Optional(Type.Boolean({ description: 'otherCpus was above 0.25. Optional, like otherCpus' })),
          }),
        ),
      }),
    ]),
    load: Type.Union([Type.Null(), Load]),
    startup: Type.Union([Type.Null(), Startup]),
    carried: Type.Optional(
      Type.Unsafe<CarriedViews>(
        Type.Object(
          {
            startup: Type.Optional(Type.Object({ from: Type.String(), createdAt: Type.String() })),
            capstone: Type.Optional(Type.Object({ from: Type.String(), createdAt: Type.String() })),
          },
          {
            description:
              "views of an earlier run of record kept in this file (run-views.ts's CarriedViews), each with its own date, runtime and machine: lab 05's start-up table and capstone as its former startup.json and capstone.json measured them. Absent from a run's own output",
          },
        ),
      ),
    ),
    ratios: Type.Array(Ratio),
    warnings: Type.Array(Type.String()),
    failures: Type.Array(Type.String()),
    ok: Type.Boolean(),
  },
  { description: 'What `hotpath-bench` writes to <package>/.checkpoint/latest.json (schemaVersion 1). See SCHEMA.md for the meaning of each field.' },
);

/** The result document, and the parts its readers name (the kit's `pnpm lab bench`, the site's charts). */
export type CheckpointResult = Static<typeof CheckpointResultSchema>;
export type Section = CheckpointResult['sections'][number];
export type SubjectInfo = Static<typeof Subject>;
/** A peer measured as a package (a folder with src/app.ts), as the result records it. */
export type PeerPackage = NonNullable<CheckpointResult['peerPackages']>[number];
export type Ratio = Static<typeof Ratio>;
/** A runtime as a result records it: `{ id: 'node26', label: 'Node 26.12.1', kind, version, major, v8 }`. */
export type RunRuntime = Omit<Static<typeof Runtime>, 'path'>;
/** A micro task's figures for one key (results written before some of the bytes' fields lack them). */
export type MicroFigures = Static<typeof MicroResult>;
export type Footprint = Static<typeof Footprint>;
export type Unavailable = Static<typeof Unavailable>;
