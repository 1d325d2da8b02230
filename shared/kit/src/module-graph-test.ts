/**
 * The "nothing of X is bundled" tests of the labs' module-graph.test.ts, declared once: the app of the
 * package under test (its src/app.ts, bundled once before the file's tests by moduleGraph()) and one test
 * per package that must not be in it, each failing with the chain of imports that brings it in.
 */
import { beforeAll, expect, it } from 'vitest';
import { moduleGraph, type ModuleGraph } from './module-graph.ts';
import { labSourcePath } from '@hotpath/workshop/paths';

/**
 * Declares `does not contain <pkg>` for each of `packages` in the current describe block; `fix(pkg, chain)`
 * is the failure message (`chain`: the imports from src/app.ts to the package, joined by →). Returns the
 * bundled graph for the block's other tests (read it inside a test, after the beforeAll has run).
 */
export function testLeftOut(packages: readonly string[], fix: (pkg: string, chain: string) => string): () => ModuleGraph {
  let graph: ModuleGraph | undefined;
  beforeAll(async () => {
    graph = await moduleGraph(labSourcePath('app.ts'));
  });
  const bundled = () => {
    if (!graph) throw new Error('the module graph is read inside a test, after beforeAll built it');
    return graph;
  };
  it.each(packages)('does not contain %s', (pkg) => {
    const chain = bundled().chainTo(pkg);
    expect(chain, fix(pkg, chain?.join(' → ') ?? '')).toBeUndefined();
  });
  return bundled;
}
