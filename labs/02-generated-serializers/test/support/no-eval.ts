/**
 * Running code the way a locked-down deploy runs it: bundled by esbuild into one file (what lab 05 ships),
 * then started by `node --disallow-code-generation-from-strings`, the flag under which `eval` and
 * `new Function` throw an EvalError — Node's version of a Content-Security-Policy without 'unsafe-eval', and
 * of Native AOT's rule that no code is made at run time. The bundle is written to a scratch folder in the
 * OS's temporary directory and removed afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const NO_EVAL_FLAG = '--disallow-code-generation-from-strings';

/** This lab's folder: bare imports in the source (fast-json-stringify, …) resolve from here. */
const LAB_DIR = fileURLToPath(new URL('../..', import.meta.url));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Bundles `source` (a TypeScript module; absolute or bare imports) and runs it with Node's no-eval flag. */
export async function runUnderNoEval(source: string): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), 'hotpath-no-eval-'));
  try {
    const outfile = join(dir, 'bundle.mjs');
    await build({
      stdin: { contents: source, resolveDir: LAB_DIR, loader: 'ts', sourcefile: 'entry.ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'silent',
      // CommonJS packages in an ESM bundle call require() for Node's built-ins.
      banner: { js: "import { createRequire as hotpathRequire } from 'node:module'; const require = hotpathRequire(import.meta.url);" },
    });
    const run = spawnSync(process.execPath, [NO_EVAL_FLAG, outfile], { encoding: 'utf8', timeout: 30_000 });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
