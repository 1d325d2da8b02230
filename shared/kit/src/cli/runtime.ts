/**
 * `pnpm lab runtime [list | add <spec>… | which <spec>]`: the Node and Bun runtimes the kit measures on.
 * `list` shows the runtime of this process, each supported one with its status and the copies installed in
 * .hotpath/runtimes/ or found on PATH; `add 26` / `add bun` installs the pinned version from the npm registry
 * (runtime-install.ts); `which 26` prints the binary a spec resolves to (.ci/run puts its folder on PATH).
 */
import { relative } from 'node:path';
import { installRuntime } from '../runtime-install.ts';
import {
  PINNED,
  SUPPORTED_NODE_MAJORS,
  currentRuntime,
  hasNativeTypeStripping,
  installedRuntimes,
  nodeSupport,
  parseRuntimeSpec,
  resolveRuntime,
  runtimesOnPath,
  type RuntimeInfo,
} from '@hotpath/workshop/runtimes';
import { CliError, paint, type KitContext } from './context.ts';

export const RUNTIME_SUBVERBS = ['list', 'add', 'which'] as const;

interface Row {
  runtime: string;
  pinned: string;
  level: 'ok' | 'warn' | 'fail';
  status: string;
  /** Copies this machine has: this process, then installed ones. */
  here: Array<{ version: string; path: string; current: boolean }>;
  add: string;
}

function rows(ctx: KitContext, current: RuntimeInfo, installed: RuntimeInfo[], onPath: RuntimeInfo[]): Row[] {
  const copies = (match: (r: RuntimeInfo) => boolean) => [
    ...(match(current) ? [{ version: current.version, path: current.path, current: true }] : []),
    ...installed.filter((r) => match(r) && r.path !== current.path).map((r) => ({ version: r.version, path: relative(ctx.root, r.path), current: false })),
    ...onPath.filter(match).map((r) => ({ version: r.version, path: `${r.path}, on PATH`, current: false })),
  ];
  const node = SUPPORTED_NODE_MAJORS.map((major): Row => {
    const support = nodeSupport(PINNED.node[major] ?? `${major}.0.0`);
    const status = support.level === 'warn' ? `${support.summary} (still runs)` : support.summary;
    return {
      runtime: `Node ${major}`,
      pinned: PINNED.node[major] ?? '',
      level: support.level,
      status,
      here: copies((r) => r.kind === 'node' && r.major === major),
      add: `pnpm lab runtime add ${major}`,
    };
  });
  const bun: Row = {
    runtime: 'Bun',
    pinned: PINNED.bun,
    level: 'ok',
    status: 'a runtime peer, measured beside Node',
    here: copies((r) => r.kind === 'bun'),
    add: 'pnpm lab runtime add bun',
  };
  return [...node, bun];
}

function listRuntimes(ctx: KitContext, json: boolean): void {
  const c = paint(ctx);
  const current = currentRuntime();
  const installed = installedRuntimes(ctx.root);
  const table = rows(ctx, current, installed, [...runtimesOnPath('node'), ...runtimesOnPath('bun')]);
  const others = installed.filter((r) => r.kind === 'node' && !SUPPORTED_NODE_MAJORS.includes(r.major));
  const support =
    current.kind === 'node' ? nodeSupport(current.version) : { level: 'ok' as const, summary: 'Bun runs the kit as a peer, not as its main runtime' };
  if (json) {
    ctx.out(
      JSON.stringify({ current: { ...current, ...support, nativeTypeStripping: hasNativeTypeStripping() }, installed, supported: table, others }, null, 2),
    );
    return;
  }
  const LEVEL = { ok: c.green, warn: c.yellow, fail: c.red };
  ctx.out(`This process: ${c.bold(current.label)}${current.v8 ? ` (V8 ${current.v8})` : ''} — ${LEVEL[support.level](support.summary)}`);
  ctx.out(`  ${current.path} · native type stripping: ${hasNativeTypeStripping() ? 'yes' : 'no'}`);
  ctx.out('');
  const w = {
    runtime: Math.max(...table.map((r) => r.runtime.length)),
    pinned: Math.max(6, ...table.map((r) => r.pinned.length)),
    status: Math.max(...table.map((r) => r.status.length)),
  };
  ctx.out(c.dim(`${'Runtime'.padEnd(w.runtime)}  ${'Pinned'.padEnd(w.pinned)}  ${'Status'.padEnd(w.status)}  On this machine`));
  for (const row of table) {
    const here = row.here.length
      ? row.here.map((h) => (h.current ? `${h.version} (this process)` : `${h.version} (${h.path})`)).join(', ')
      : c.dim(`not installed: ${row.add}`);
    ctx.out(`${row.runtime.padEnd(w.runtime)}  ${row.pinned.padEnd(w.pinned)}  ${LEVEL[row.level](row.status.padEnd(w.status))}  ${here}`);
  }
  if (others.length) ctx.out(`\nAlso installed: ${others.map((r) => `${r.label} (${relative(ctx.root, r.path)})`).join(', ')}`);
  ctx.out(
    c.dim(`\nInstalled runtimes live in ${relative(process.cwd(), `${ctx.root}/.hotpath/runtimes`) || '.'}/ (from the npm registry's official binaries).`),
  );
}

async function addRuntimes(ctx: KitContext, specs: string[]): Promise<void> {
  if (specs.length === 0) throw new CliError(`pnpm lab runtime add needs a runtime: ${SUPPORTED_NODE_MAJORS.join(', ')} or bun, e.g. pnpm lab runtime add 26`);
  for (const spec of specs) {
    try {
      parseRuntimeSpec(spec);
    } catch (error) {
      throw new CliError((error as Error).message);
    }
  }
  const c = paint(ctx);
  for (const spec of specs) {
    try {
      const info = await installRuntime(spec, { root: ctx.root, log: (line) => ctx.err(c.dim(line)) });
      ctx.out(`${info.label}: ${info.path}`);
    } catch (error) {
      throw new CliError((error as Error).message, 1);
    }
  }
}

/** `pnpm lab runtime <sub> [spec…]`; no sub: list. */
export async function runtimeVerb(ctx: KitContext, args: readonly string[], json: boolean): Promise<number> {
  const [sub = 'list', ...specs] = args;
  switch (sub) {
    case 'list':
      if (specs.length) throw new CliError(`pnpm lab runtime list takes no runtime; got "${specs.join(' ')}"`);
      listRuntimes(ctx, json);
      return 0;
    case 'add':
      await addRuntimes(ctx, specs);
      return 0;
    case 'which': {
      if (specs.length !== 1) throw new CliError('pnpm lab runtime which needs one runtime, e.g. pnpm lab runtime which 26');
      try {
        ctx.out(resolveRuntime(specs[0]!, { root: ctx.root }).path);
      } catch (error) {
        throw new CliError((error as Error).message, 1);
      }
      return 0;
    }
    default:
      throw new CliError(`Unknown runtime command "${sub}": pnpm lab runtime list, add <runtime> or which <runtime>`);
  }
}
