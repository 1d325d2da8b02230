/**
 * Which runtime measured what. The process running the harness is the primary runtime (`result.runtime`);
 * `--runtime SPEC` adds others (`result.runtimes`), on which the same subjects and peers are measured in the
 * same run. A contestant measured on another runtime is stored under `<key>@<runtime id>` (`subject@node26`,
 * `peer:fast-json-stringify@node26`); a key without `@` ran on the primary runtime. Runtime ids are
 * `node26`, `bun`, … (`node26.10.0` when two runtimes share a major).
 *
 * SPEC is resolved by `resolveRuntime` of `@hotpath/workshop/runtimes`: '26', 'node26', 'bun' (a copy
 * `pnpm lab runtime add` installed, or one on PATH) or the path of a node or bun binary.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { resolveRuntime } from '@hotpath/workshop/runtimes';

/** What a result records about a runtime. */
export interface RuntimeRecord {
  kind: 'node' | 'bun';
  /** Without the leading v: `26.12.1`, `1.4.5`. */
  version: string;
  major: number;
  /** V8's version (null for a runtime without V8, Bun). */
  v8: string | null;
}

/** A runtime of a run: its id (the `@` suffix of result keys), how tables name it, the binary. */
export interface MeasuredRuntime extends RuntimeRecord {
  id: string;
  /** `Node 26.12.1`, `Bun 1.4.5`. */
  label: string;
  /** Absolute path of the binary. */
  path: string;
}

/** The separator between a contestant's key and a runtime id. */
export const RUNTIME_KEY_SEPARATOR = '@';

export function runtimeLabel(r: Pick<RuntimeRecord, 'kind' | 'version'>): string {
  return `${r.kind === 'bun' ? 'Bun' : 'Node'} ${r.version}`;
}

function baseId(r: Pick<RuntimeRecord, 'kind' | 'major'>): string {
  return r.kind === 'bun' ? 'bun' : `node${r.major}`;
}

/** The runtime of this process. */
export function primaryRuntime(): MeasuredRuntime {
  const bun = (process.versions as Record<string, string | undefined>).bun;
  const kind = bun ? 'bun' : 'node';
  const version = bun ?? process.version.replace(/^v/, '');
  const major = Number(version.split('.')[0]);
  const record: RuntimeRecord = { kind, version, major, v8: bun ? null : process.versions.v8 };
  return { ...record, id: baseId(record), label: runtimeLabel(record), path: process.execPath };
}

/** The record a result stores (no path, no id). */
export function runtimeRecord(r: RuntimeRecord): RuntimeRecord {
  return { kind: r.kind, version: r.version, major: r.major, v8: r.v8 };
}

/** Asks a binary what it is: `node -p` / `bun -p` printing its versions. */
export function probeBinary(path: string): RuntimeRecord {
  const script = 'JSON.stringify({ bun: process.versions.bun ?? null, node: process.version, v8: process.versions.v8 ?? null })';
  let text: string;
  try {
    text = execFileSync(path, ['-p', script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 15_000,
      env: { ...process.env, NODE_OPTIONS: '' },
    });
  } catch (error) {
    throw new Error(
      `--runtime ${path}: could not run it to read its version (${(error as Error).message.split('\n')[0]}); give the path of a node or bun binary`,
    );
  }
  const v = JSON.parse(text.trim()) as { bun: string | null; node: string; v8: string | null };
  const version = v.bun ?? v.node.replace(/^v/, '');
  return { kind: v.bun ? 'bun' : 'node', version, major: Number(version.split('.')[0]), v8: v.bun ? null : v.v8 };
}

/** Whether a SPEC names a file rather than a version ('26', 'node26', 'node-26', 'bun'). */
export function isPathSpec(spec: string): boolean {
  return spec.includes('/') || spec.startsWith('.') || (existsSync(spec) && !/^(node-?)?\d+$|^bun$/.test(spec));
}

/**
 * Resolves `--runtime SPEC` (relative paths against `cwd`). Throws an Error whose message says what to do.
 */
export async function resolveRuntimeSpec(spec: string, cwd = process.cwd()): Promise<Omit<MeasuredRuntime, 'id'>> {
  const given = isPathSpec(spec) ? resolve(cwd, spec) : spec;
  if (isPathSpec(spec) && !existsSync(given)) throw new Error(`--runtime ${spec}: no such file (${given}); give the path of a node or bun binary`);
  let info: ReturnType<typeof resolveRuntime>;
  try {
    info = resolveRuntime(given);
  } catch (error) {
    throw new Error(`--runtime ${spec}: ${(error as Error).message}`);
  }
  const v8 = info.kind === 'bun' ? null : (info.v8 ?? probeBinary(info.path).v8);
  return { kind: info.kind, version: info.version.replace(/^v/, ''), major: info.major, v8, label: info.label, path: info.path };
}

/**
 * Gives each extra runtime its id: `node26`, `bun`; the version when two share a major or one shares the
 * primary's. A runtime that is the primary's own binary or version, or a repeat, is dropped with a warning.
 */
export function assignRuntimeIds(primary: MeasuredRuntime, extra: ReadonlyArray<Omit<MeasuredRuntime, 'id'>>, warnings: string[]): MeasuredRuntime[] {
  const out: MeasuredRuntime[] = [];
  for (const r of extra) {
    const same = (o: Pick<MeasuredRuntime, 'kind' | 'version' | 'path'>) => o.path === r.path || (o.kind === r.kind && o.version === r.version);
    if (same(primary)) {
      warnings.push(`--runtime ${r.path}: ${r.label} is the runtime running the harness; measured once`);
      continue;
    }
    if (out.some(same)) {
      warnings.push(`--runtime ${r.path}: ${r.label} was given twice; measured once`);
      continue;
    }
    const clash = [primary, ...out, ...extra.filter((o) => o !== r)].some((o) => baseId(o) === baseId(r) && o.version !== r.version);
    out.push({ ...r, id: clash ? `${r.kind}${r.version}` : baseId(r) });
  }
  return out;
}

/** `subject@node26` for a key on a runtime. */
export function keyOn(key: string, runtimeId: string): string {
  return `${key}${RUNTIME_KEY_SEPARATOR}${runtimeId}`;
}

/** Splits `subject@node26` into its key and runtime id, for one of `runtimeIds` (runtime undefined: the primary). */
export function splitKey(key: string, runtimeIds: readonly string[]): { key: string; runtime?: string } {
  for (const id of runtimeIds) {
    const suffix = `${RUNTIME_KEY_SEPARATOR}${id}`;
    if (key.endsWith(suffix)) return { key: key.slice(0, -suffix.length), runtime: id };
  }
  return { key };
}
