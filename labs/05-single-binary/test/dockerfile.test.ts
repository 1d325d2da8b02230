/**
 * The distroless image of the lab (the Dockerfile in labs/05-single-binary, given) cannot be built on the
 * workshop's machines (no Docker engine), so it is checked as text instead: it copies a binary `pnpm build`
 * really makes, onto a distroless base that can run it, with nothing else in the build context, and runs it
 * without a shell. The Dockerfile only needs dist/, so it lives once, in the lab (the reference is built into
 * an image after `pnpm lab solve 05`); this test reads it whichever package it runs in — and checks that this build makes the binary it
 * copies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@hotpath/workshop/paths';
import { BINARIES } from '@hotpath/kit/sea-build';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_TIMEOUT_MS, builtOnce, describeBuild, type Built } from './support/build.ts';

const dir = join(repoRoot, 'labs', '05-single-binary');
const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'))
  .map((line) => line.trim());
const names = BINARIES.map((b) => b.name as string);
/** The binary the Dockerfile copies (`COPY [--flags] dist/<name> <dest>`). */
const copied = instructions.filter((line) => line.startsWith('COPY ')).map((line) => /^COPY (?:--\S+ )*dist\/(\S+) \S+$/.exec(line)?.[1]);

let built: Built;
beforeAll(async () => {
  built = await builtOnce();
}, BUILD_TIMEOUT_MS);

describe('the Dockerfile', () => {
  it('starts from a distroless base with glibc and libstdc++ (the node binary links both)', () => {
    const from = instructions.filter((line) => line.startsWith('FROM '));
    expect(from, 'One stage: the binary is built on the host by pnpm build').toHaveLength(1);
    expect(from[0], 'Use gcr.io/distroless/cc-debian12 ("static" has no libc; the node binary needs glibc, libstdc++ and libgcc_s)').toMatch(
      /^FROM gcr\.io\/distroless\/cc-debian12(:[\w.-]+)?$/,
    );
  });

  it('copies one binary that pnpm build makes, and nothing else', () => {
    expect(copied, 'Copy exactly one file: the binary').toHaveLength(1);
    const source = copied[0];
    expect(names, `COPY dist/<binary>, one of ${names.join(', ')}`).toContain(source);
    const ignore = readFileSync(join(dir, '.dockerignore'), 'utf8');
    expect(ignore, 'The build context holds the binary only: .dockerignore excludes everything else').toMatch(/^\*$/m);
    expect(ignore, `.dockerignore must let dist/${source} through`).toContain(`!dist/${source}`);
  });

  it('runs the binary without a shell, as a non-root user', () => {
    expect(
      instructions.some((line) => line.startsWith('RUN ')),
      'A distroless image has no shell: no RUN',
    ).toBe(false);
    expect(
      instructions.find((line) => line.startsWith('ENTRYPOINT ')),
      'ENTRYPOINT in exec form (JSON array): no shell to parse a string',
    ).toMatch(/^ENTRYPOINT \["\/[^"]+"\]$/);
    expect(
      instructions.find((line) => line.startsWith('USER ')),
      "Run as the image's nonroot user",
    ).toBe('USER nonroot');
  });

  it('copies a binary your build makes', () => {
    expect(built.error, `Make the build work first: ${describeBuild(built)}`).toBeUndefined();
    const outcome = built.report!.binaries.find((b) => b.name === copied[0]);
    expect(outcome && !('error' in outcome), `Build ${copied[0]} (step 2): the image is made from your dist/ — ${describeBuild(built)}`).toBe(true);
  });
});
