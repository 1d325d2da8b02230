/**
 * Step 4 — nothing of the build is in the server. The app is bundled with esbuild (what a deploy would
 * ship): the schemas library (TypeBox), fast-json-stringify and Ajv must not be in it — the server runs
 * the generated code, not a schema — and the bundle must not compile code at run time: it serves every
 * route under `node --disallow-code-generation-from-strings`, where fast-json-stringify cannot even start.
 */
import { testLeftOut } from '@hotpath/kit/module-graph-test';
import { labSourcePath } from '@hotpath/workshop/paths';
import { describe, expect, it } from 'vitest';
import { NO_EVAL_FLAG, runUnderNoEval } from './support/no-eval.ts';

const BUILD_TIME_ONLY = ['@sinclair/typebox', 'fast-json-stringify', 'ajv', '@hotpath/codegen'] as const;

describe("the app's module graph", () => {
  const graph = testLeftOut(
    BUILD_TIME_ONLY,
    (pkg, chain) =>
      `${pkg} is build-time only, but the app bundles it through ${chain}. Import the generated code (src/generated/) in the app, never the registry or the schemas`,
  );

  it('runs generated code', () => {
    expect(
      graph().files.some((f) => f.includes('/generated/serializers.ts')),
      'Serve the API with the generated serializers: import src/generated/json-context.ts in src/routes.ts',
    ).toBe(true);
  });
});

describe(`the bundled app under node ${NO_EVAL_FLAG} (no eval, no new Function)`, () => {
  it('serves every route', async () => {
    const run = await runUnderNoEval(`
      import { createApp } from ${JSON.stringify(labSourcePath('app.ts'))};
      const app = createApp();
      const post = (path: string, body: string) => new Request('http://lab' + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      const requests = [new Request('http://lab/health'), new Request('http://lab/todos'), new Request('http://lab/todos/42'), new Request('http://lab/todos/0'),
        post('/todos', '{"title":"x"}'), post('/todos', '{"title":5}'), post('/ingest/v1', '{"itemCount":1,"timestamp":2}')];
      for (const request of requests) console.log((await app.fetch(request)).status);
    `);
    expect(
      run.stderr,
      'The app made code from a string at run time (eval, new Function, a schema compiled at startup): serve the generated code, which is plain source',
    ).not.toMatch(/EvalError|Code generation from strings/);
    expect(run.stdout.trim().split('\n'), `The bundled app did not answer every route under ${NO_EVAL_FLAG}:\n${run.stderr.slice(0, 600)}`).toEqual([
      '200',
      '200',
      '200',
      '404',
      '201',
      '400',
      '202',
    ]);
  });

  it('is a rule with teeth: fast-json-stringify, which compiles its serializer with new Function, fails under it', async () => {
    const run = await runUnderNoEval(`
      import fastJson from 'fast-json-stringify';
      const stringify = fastJson({ type: 'object', properties: { id: { type: 'integer' } } });
      console.log(stringify({ id: 1 }));
    `);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/EvalError: Code generation from strings disallowed/);
  });
});
