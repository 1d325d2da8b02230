/**
 * The runtime choice of a page, as plain functions (no Node APIs: the browser bundles them): which runtimes a
 * page's figure blocks were measured on, in the picker's order (Node majors oldest first, then Bun); which one
 * a page shows by default (the newest Node major it has); and which variant of a block to show for the
 * reader's choice — that runtime's, or, when the block was not measured on it, the block's own default.
 */
import type { SiteRuntime } from '../../plugins/result-runtime';

/** Node majors oldest first, then Bun: the order of the picker's buttons. */
export function runtimeOrder(a: Pick<SiteRuntime, 'kind' | 'major'>, b: Pick<SiteRuntime, 'kind' | 'major'>): number {
  return (a.kind === 'bun' ? 1 : 0) - (b.kind === 'bun' ? 1 : 0) || a.major - b.major;
}

/** The runtimes of all of a page's variants, one per id, in picker order. */
export function pageRuntimes(...blocks: ReadonlyArray<ReadonlyArray<{ runtime: SiteRuntime }>>): SiteRuntime[] {
  const byId = new Map<string, SiteRuntime>();
  for (const variant of blocks.flat()) if (!byId.has(variant.runtime.id)) byId.set(variant.runtime.id, variant.runtime);
  return [...byId.values()].sort(runtimeOrder);
}

/** The runtime a page shows before the reader picks one: the newest Node major, else the first there is. */
export function defaultRuntimeId(runtimes: ReadonlyArray<Pick<SiteRuntime, 'id' | 'kind' | 'major'>>): string | undefined {
  const node = runtimes.filter((r) => r.kind === 'node').sort(runtimeOrder);
  return (node.at(-1) ?? runtimes[0])?.id;
}

/**
 * The variant of a block for the chosen runtime; when the block has none on it, its own default, with
 * `instead` set (the block says it was not measured on the chosen runtime). Undefined for a block with no variant.
 */
export function variantFor<T extends { runtime: SiteRuntime }>(
  variants: readonly T[],
  chosen: string | undefined,
): { variant: T; instead: boolean } | undefined {
  const exact = variants.find((v) => v.runtime.id === chosen);
  if (exact) return { variant: exact, instead: false };
  const fallback = defaultRuntimeId(variants.map((v) => v.runtime));
  const variant = variants.find((v) => v.runtime.id === fallback);
  return variant && { variant, instead: chosen !== undefined };
}
