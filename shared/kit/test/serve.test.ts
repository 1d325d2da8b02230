/**
 * `pnpm start` for real: for each ready lab, spawns the launcher in its solution folder on a free loopback
 * port and runs checkOverHttp (src/http-check.ts) against it — the routes, the whole corpus, 413 with and
 * without Content-Length — then checks the server is still up and stops it by PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkOverHttp } from '../src/http-check.ts';
import { labs } from '../src/manifest.ts';
import { solutionDir } from '../src/paths.ts';

const launcher = fileURLToPath(new URL('../bin/hotpath-serve.js', import.meta.url));
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

describe.each(labs.filter((lab) => lab.status === 'ready').map((lab) => [lab.slug]))('pnpm start in solutions/%s', (slug) => {
  let server: ChildProcess;
  let url = '';

  beforeAll(async () => {
    server = spawn(process.execPath, [launcher], {
      cwd: solutionDir(slug),
      env: { ...process.env, PORT: '0', LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk));
    const deadline = Date.now() + 30_000;
    while (!LISTENING.test(output)) {
      if (Date.now() > deadline || server.exitCode !== null) throw new Error(`The server did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    url = LISTENING.exec(output)![1]!;
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }
  });

  it('passes every check over the real port and keeps serving', async () => {
    expect(await checkOverHttp(url)).toEqual([]);
    expect(server.exitCode, 'The server must survive everything above').toBeNull();
  });
});
