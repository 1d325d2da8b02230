/**
 * @hotpath/harness — the checkpoint harness behind every lab's `pnpm bench`: bytes per operation, micro
 * benchmarks, load with an in-server probe, startup, machine fingerprint, JSON results and ratio tables.
 * Labs use `defineCheckpoint` (in labs/<slug>/checkpoint.ts) and `measureBytesPerOp`; the CLI is
 * bin/hotpath-bench.js, and other tools run a checkpoint with `runCheckpoint(options)`.
 */
export { defineCheckpoint, asCheckpoint, checkScenarios, peerKey, PEER_KEY_PREFIX } from './define.ts';
export type { Checkpoint, CheckpointDefinition, CheckpointFn, CheckpointSubject, Peer, ServeCommand } from './define.ts';
export { measureBytesPerOp, measureAsyncBytesPerOp, measureBytesPerOpWithin } from './bytes-per-op.ts';
export type { BytesPerOp, BytesPerOpOptions } from './bytes-per-op.ts';
export { runMicro, runMicroTask, runMicroInterleaved } from './micro.ts';
export type { MicroOptions, MicroResult, MicroTask, MicroTaskEntry } from './micro.ts';
export { defaultScenarios, ingestBody, HEALTH_SCENARIO } from './scenarios.ts';
export type { Scenario, IngestBody } from './scenarios.ts';
export { runLoad } from './load.ts';
export { dropFromPageCache } from './page-cache.ts';
export type { ArrayBufferBasis, LoadOptions, LoadResult, LoadRound, LoadScenarioResult, LoadSubject, ScenarioSummary } from './load.ts';
export { measureStartup } from './startup.ts';
export type { StartupOptions, StartupResult, StartupSummary, Unavailable } from './startup.ts';
export { kitServeBin, startServer, stopProcess } from './server.ts';
export type { RunningServer, StartOptions } from './server.ts';
export { procStatusBytes } from './gc.ts';
export { measureFootprint, serverFootprint, type Footprint } from './footprint.ts';
export { takeFingerprint, finishFingerprint, busyVerdict, sampleOtherCpus, otherCpusWindow } from './fingerprint.ts';
export type { Fingerprint } from './fingerprint.ts';
export { busyAfter, busyDuring, busyWarning, judgeBusy, noiseSamples, otherCpusOf, NOISE_CPUS } from './busy.ts';
export type { BusyJudgement, NoiseSample } from './busy.ts';
export { computeRatios, writeResult, Progress, SCHEMA_VERSION } from './report.ts';
export { formatBytes, formatTable } from './table.ts';
export type { CheckpointResult, PeerPackage, Ratio, RunRuntime, Section, SubjectInfo } from './report.ts';
export { computeRuntimeRatios, resultOnRuntime, tagRuntimes } from './runtime-results.ts';
export { keyOn, splitKey, primaryRuntime } from './runtime-info.ts';
export type { MeasuredRuntime, RuntimeRecord } from './runtime-info.ts';
export { runCheckpoint, parseArgs, main, USAGE } from './checkpoint.ts';
export type { CheckpointOptions } from './checkpoint.ts';
export { resolveSubjects, defaultBaselineDir, SUBJECT_KEY, BASELINE_KEY, REFERENCE_KEY } from './subjects.ts';
export type { ResolvedSubjects } from './subjects.ts';
export { ensureGc } from './gc.ts';
export type { ProbeRequest, ProbeReply, ProbeStats, ProbeWindow } from './probe.ts';
export { estimateArrayBufferBytes } from './ab-sampler.ts';
export type { ArrayBufferEstimate, ArrayBufferSampling } from './ab-sampler.ts';
export { registerAppStats, readAppStats, APP_STATS_KEY } from '@hotpath/api/app-stats';
export type { AppStatsSource } from '@hotpath/api/app-stats';
