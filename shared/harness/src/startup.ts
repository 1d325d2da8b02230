/**
 * Startup: how long a package's server takes from spawn() to its first 200 on GET /health, polled every
 * millisecond, and its peak RSS (VmHWM) right then. One discarded run per subject (it fills tsx's transform
 * cache and the OS page cache), then the measured runs, interleaved across subjects (the order rotates by one
 * place per run; a checkpoint's peers with a package folder take turns after the subjects); median, min and max.
 * The server is started exactly as `pnpm start` starts it (the kit's launcher, through tsx), or by the
 * subject's serve command (a built bundle or binary), unpinned; a contestant on another runtime (`--runtime`)
 * is started by that runtime's node binary. A peer whose discarded start fails (a runtime this machine lacks,
 * a binary that was not built) is left out and listed in `unavailable` with the first lines of its error,
 * never a failure of the run.
 */
import { PEER_KEY_PREFIX, type ServeCommand } from './define.ts';
import type { Footprint, Unavailable } from './result.ts';
import { dropFromPageCache } from './page-cache.ts';
import { startServer } from './server.ts';
import { spread, turnOrder } from './stats.ts';

export interface StartupOptions {
  /** Measured runs per subject (after one discarded run). */
  runs: number;
  onStep?: (line: string) => void;
}

export interface StartupSummary {
  runs: number;
  firstOkMs: { median: number; min: number; max: number };
  peakRssBytes: { median: number; min: number; max: number } | null;
  samplesMs: number[];
  /** The id of the runtime the server ran on (see the result's `runtime` and `runtimes`). */
  runtime?: string;
}

export interface StartupResult {
  /** pageCacheDropped: whether node and every served command's executable were dropped from the page cache first. */
  config: { runs: number; discarded: number; pollMs: number; pinned: false; pageCacheDropped?: boolean };
  /** Whether NODE_EXTRA_CA_CERTS was set for the servers (it adds tens of ms to every Node start). */
  nodeExtraCaCerts: boolean;
  results: Record<string, StartupSummary>;
  /** Peers this run could not start (the definition's `unavailable`, or a failed discarded start): key, name, why. */
  unavailable?: Unavailable[];
  /** With the definition's `footprint: true`: what has to be shipped to run each measured server, by key. */
  footprint?: Record<string, Footprint>;
  warnings: string[];
}

export type { Unavailable } from './result.ts';

/** The first error lines of a failed start (from the first line naming an error), for `unavailable`. */
export function startFailure(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const at = Math.max(
    0,
    lines.findIndex((line) => /Error|error:/.test(line)),
  );
  return lines.slice(at, at + 2).join(' ');
}

/** Measures time to first 200 and peak RSS for each subject (`key` → package folder). */
export async function measureStartup(
  all: ReadonlyArray<{ key: string; dir: string; serve?: ServeCommand; node?: string; optional?: boolean }>,
  options: StartupOptions,
): Promise<StartupResult> {
  const step = options.onStep ?? (() => {});
  let subjects = all;
  const unavailable: Unavailable[] = [];
  const warnings: string[] = [];
  const nodeExtraCaCerts = Boolean(process.env.NODE_EXTRA_CA_CERTS);
  if (nodeExtraCaCerts) {
    warnings.push(
      'NODE_EXTRA_CA_CERTS is set: every Node start reads that certificate bundle (25-40 ms on the workshop machine), and the startup figures include it',
    );
  }
  // Every executable read back from disk the same way (a just-built binary would otherwise look larger).
  const executables = [...new Set([process.execPath, ...subjects.flatMap((s) => [...(s.node ? [s.node] : []), ...(s.serve ? [s.serve.command] : [])])])];
  const pageCacheDropped = dropFromPageCache(executables);
  if (!pageCacheDropped) warnings.push('Could not drop the executables from the page cache (sync/dd): a freshly built binary may show more RSS');
  const times = new Map<string, number[]>(subjects.map((s) => [s.key, []]));
  const rss = new Map<string, number[]>(subjects.map((s) => [s.key, []]));
  for (let run = 0; run <= options.runs; run++) {
    const order = turnOrder(subjects, run);
    for (const subject of order) {
      step(run === 0 ? `startup: discarded run ${subject.key}` : `startup: run ${run}/${options.runs} ${subject.key}`);
      const start = () => startServer({ dir: subject.dir, serve: subject.serve, node: subject.node, cpu: null, pollMs: 1 });
      if (run === 0) {
        // The discarded start also tells whether an optional contestant runs here at all.
        const server = await start().catch((error: unknown) => {
          if (!subject.optional) throw error;
          unavailable.push({ key: subject.key, name: subject.key.replace(PEER_KEY_PREFIX, ''), reason: `did not start: ${startFailure(error)}` });
          subjects = subjects.filter((s) => s !== subject);
        });
        await server?.stop();
        continue;
      }
      const server = await start();
      await server.stop();
      times.get(subject.key)?.push(server.firstOkMs);
      if (server.peakRssAtReady !== null) rss.get(subject.key)?.push(server.peakRssAtReady);
    }
  }
  const results: Record<string, StartupSummary> = {};
  for (const subject of subjects) {
    const samples = times.get(subject.key) ?? [];
    const peaks = rss.get(subject.key) ?? [];
    results[subject.key] = {
      runs: samples.length,
      firstOkMs: spread(samples),
      peakRssBytes: peaks.length ? spread(peaks) : null,
      samplesMs: samples,
    };
  }
  return {
    config: { runs: options.runs, discarded: 1, pollMs: 1, pinned: false, pageCacheDropped },
    nodeExtraCaCerts,
    results,
    ...(unavailable.length ? { unavailable } : {}),
    warnings,
  };
}
