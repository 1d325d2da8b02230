/**
 * Step 4 — nothing of the build is in the server. The app is bundled with esbuild (what a deploy would
 * ship): the schemas library (TypeBox), fast-json-stringify and Ajv must not be in it — the server runs
 * the generated code, not a schema — and the bundle must not compile code at run time.
 */
import { moduleGraph, type ModuleGraph } from '@hotpath/kit/module-graph';
import { labSourcePath } from '@hotpath/kit/paths';
import { beforeAll, describe, expect, it } from 'vitest';

const BUILD_TIME_ONLY = ['@sinclair/typebox', 'fast-json-stringify', 'ajv', '@hotpath/codegen'] as const;

let graph: ModuleGraph;
beforeAll(async () => {
  graph = await moduleGraph(labSourcePath('app.ts'));
});

describe("the app's module graph", () => {
  it.each(BUILD_TIME_ONLY)('does not contain %s', (pkg) => {
    const chain = graph.chainTo(pkg);
    expect(chain, `${pkg} is build-time only, but the app bundles it through ${chain?.join(' → ')}. Import the generated code (src/generated/) in the app, never the registry or the schemas`).toBeUndefined();
  });

  it('runs generated code', () => {
    expect(graph.files.some((f) => f.includes('/generated/serializers.ts')), 'Serve the API with the generated serializers: import src/generated/json-context.ts in src/routes.ts').toBe(true);
  });
});
