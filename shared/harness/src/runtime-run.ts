/**
 * What `--runtime` adds to a checkpoint run (src/checkpoint.ts): resolving the specs into runtimes with ids,
 * the extra servers of the load and startup sections (every subject and served peer again, started by that
 * runtime's node, keyed `<key>@<id>`, taking turns in the same rounds), and the micro workers that run the
 * definition's micro tasks on each runtime in the same rounds as this process's.
 */
import type { ServeCommand } from './define.ts';
import type { SubjectInfo } from './report.ts';
import { assignRuntimeIds, keyOn, primaryRuntime, resolveRuntimeSpec, type MeasuredRuntime } from './runtime-info.ts';
import { startRuntimeMicro, type RuntimeMicroWorker } from './runtime-micro.ts';

/** The primary runtime and the extra ones; failures for specs that cannot be resolved or measured. */
export async function resolveRuntimes(
  specs: readonly string[],
  cwd: string,
  warnings: string[],
  failures: string[],
): Promise<{ primary: MeasuredRuntime; others: MeasuredRuntime[] }> {
  const primary = primaryRuntime();
  const found: Array<Omit<MeasuredRuntime, 'id'>> = [];
  for (const spec of specs) {
    try {
      found.push(await resolveRuntimeSpec(spec, cwd));
    } catch (error) {
      // Prefixed so the run knows to stop before measuring anything (src/checkpoint.ts).
      const message = (error as Error).message;
      failures.push(message.startsWith('--runtime') ? message : `--runtime ${spec}: ${message}`);
    }
  }
  return { primary, others: assignRuntimeIds(primary, found, warnings) };
}

/** The warning for a Bun runtime, once. */
function startupOnly(runtime: MeasuredRuntime, warnings: string[]): void {
  const note = `${runtime.label} is measured at startup only: the in-server probe and bytes per op need Node's V8 hooks`;
  if (!warnings.includes(note)) warnings.push(note);
}

interface Server {
  key: string;
  dir: string;
  serve?: ServeCommand;
  node?: string;
  /** The load scenarios it takes part in (default every one). */
  scenarios?: readonly string[];
}

/**
 * The servers of a section on every runtime: `servers` as they are (this process's node), then for each other
 * runtime the same servers keyed `<key>@<id>` and started by its node. A server started by a command other
 * than this process's node (a built single executable) carries its own runtime: it is left out there, with a
 * warning. Bun is measured at startup only (its servers start without the probe there).
 */
export function serversOnRuntimes(servers: readonly Server[], others: readonly MeasuredRuntime[], section: 'load' | 'startup', warnings: string[]): Server[] {
  const out: Server[] = [...servers];
  for (const runtime of others) {
    if (runtime.kind === 'bun' && section === 'load') {
      startupOnly(runtime, warnings);
      continue;
    }
    for (const server of servers) {
      if (server.serve && server.serve.command !== process.execPath) {
        const note = `${server.key} is served by ${server.serve.label ?? server.serve.command}, which brings its own runtime: not measured on ${runtime.label}`;
        if (!warnings.includes(note)) warnings.push(note);
        continue;
      }
      out.push({ ...server, key: keyOn(server.key, runtime.id), node: runtime.path });
    }
  }
  return out;
}

/** Starts one micro worker per runtime; a runtime whose worker cannot start is a failure, not a stop. */
export async function startMicroWorkers(
  others: readonly MeasuredRuntime[],
  init: { checkpointFile: string; subjects: readonly SubjectInfo[]; peerBaseDir: string; cwd: string },
  failures: string[],
  warnings: string[],
  step: (line: string) => void,
): Promise<RuntimeMicroWorker[]> {
  const workers: RuntimeMicroWorker[] = [];
  for (const runtime of others) {
    if (runtime.kind === 'bun') {
      startupOnly(runtime, warnings);
      continue;
    }
    step(`micro: loading the checkpoint definition on ${runtime.label}`);
    try {
      const worker = await startRuntimeMicro(runtime, init);
      if (worker.reported.version !== runtime.version) {
        warnings.push(`The micro worker for ${runtime.label} reports ${worker.reported.kind} ${worker.reported.version}`);
      }
      workers.push(worker);
    } catch (error) {
      failures.push(`Micro on ${runtime.label}: ${(error as Error).message}`);
    }
  }
  return workers;
}
