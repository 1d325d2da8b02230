/**
 * Step 4 — no reflection in the app. The app module is bundled with esbuild (what a deploy would ship) and
 * the bundle is searched for the reflection stack of lab 00: reflect-metadata, class-transformer,
 * class-validator, the decorator framework in @hotpath/baseline, and decorator helpers in the output.
 */
import { testLeftOut } from '@hotpath/kit/module-graph-test';
import { describe, expect, it } from 'vitest';

const BANNED = ['reflect-metadata', 'class-transformer', 'class-validator', '@hotpath/baseline'] as const;

describe("the app's module graph", () => {
  const graph = testLeftOut(
    BANNED,
    (pkg, chain) =>
      `Remove ${pkg} from the app: it is still bundled through ${chain}. ` +
      'Build createApp() in src/app.ts on the route table in src/routes.ts instead of re-exporting lab 00.',
  );

  it('needs no decorator helpers', () => {
    expect(graph().usesDecorators, 'Remove the decorators (@Controller, @Get, @IsInt…): register routes in a table and validate with plain functions').toBe(
      false,
    );
  });

  it('still bundles hono and @hotpath/api', () => {
    expect(graph().packages, 'Serve the API with a bare new Hono() (import it in src/app.ts)').toContain('hono');
    expect(graph().packages, 'Use @hotpath/api for the shared types, limits, store and sink').toContain('@hotpath/api');
  });
});
