/**
 * `pnpm room [--host H] [--port N] [--data DIR] [--name TEXT] [--code CODE]`: starts the room server for a
 * workshop and prints what learners type to join. The room lives in DIR/room.db (default .hotpath/room/ at
 * the repo root): stop it and start it again with the same DIR and every learner, token and report is still
 * there, under the same code. By default it listens on every interface (0.0.0.0), so the learners' laptops on
 * the same network reach it; `--host 127.0.0.1` keeps it on this machine. Learners can write only with the code
 * and then only their own row; anyone who can reach the port can read the page and the export.
 */
import type { Server } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createAdaptorServer } from '@hono/node-server';
import { labs } from '@hotpath/workshop/manifest';
import { repoRoot } from '@hotpath/workshop/paths';
import { LIMITS } from './protocol.ts';
import { createRoomApp } from './server.ts';
import { newRoomCode, RoomStore } from './store.ts';

export const DEFAULT_PORT = 4400;
const USAGE = 'Usage: pnpm room [--host 0.0.0.0] [--port 4400] [--data .hotpath/room] [--name "Hot Path, Lyon"] [--code ABCD-1234]';

/** The addresses learners on the same network can use: this machine's non-internal IPv4 addresses. */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((a) => (a && a.family === 'IPv4' && !a.internal ? [a.address] : []));
}

export async function main(argv: readonly string[]): Promise<number> {
  let values: { host: string; port: string; data: string; name?: string; code?: string; help?: boolean };
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        host: { type: 'string', default: '0.0.0.0' },
        port: { type: 'string', default: String(process.env.PORT || DEFAULT_PORT) },
        data: { type: 'string', default: join(repoRoot, '.hotpath', 'room') },
        name: { type: 'string' },
        code: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }).values as typeof values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`--port needs a port number (0-65535), not ${values.port}`);
    return 2;
  }
  if (values.code !== undefined && !/^[A-Za-z0-9-]{4,32}$/.test(values.code)) {
    console.error('--code needs 4-32 letters, digits or dashes');
    return 2;
  }
  const dataDir = resolve(values.data);
  const store = new RoomStore(join(dataDir, 'room.db'));
  const room = store.room(() => ({ name: values.name?.slice(0, LIMITS.name) || 'Hot Path workshop', code: values.code?.toUpperCase() ?? newRoomCode() }));
  if (values.code && values.code.toUpperCase() !== room.code) {
    console.error(`This room (${dataDir}) already has the code ${room.code}: start it without --code, or give another --data folder for a new room`);
    store.close();
    return 2;
  }
  const { app } = createRoomApp({ store, room, labs: labs.map((l) => ({ slug: l.slug, number: l.number, title: l.title })) });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(port, values.host, () => done());
    });
  } catch (error) {
    console.error(`The room could not listen on ${values.host}:${port}: ${(error as Error).message} (another --port?)`);
    store.close();
    return 1;
  }
  const bound = (server.address() as { port: number }).port;
  const everywhere = values.host === '0.0.0.0' || values.host === '::';
  const hosts = everywhere ? [...lanAddresses(), '127.0.0.1'] : [values.host];
  const url = (host: string) => `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
  console.log(`Hot Path room "${room.name}" — code ${room.code} — ${store.latest().length} learners so far (${join(dataDir, 'room.db')})`);
  console.log(`listening on ${url(values.host)}`);
  console.log(`The room page (put it on the projector): ${url(hosts[0]!)}/`);
  console.log('Learners join from the repo root of their checkout with:');
  for (const host of hosts) console.log(`  pnpm lab join ${url(host)} --name "<your name>" --code ${room.code}`);
  if (everywhere) console.log(`If laptops cannot reach it, let TCP port ${bound} in through this machine's firewall (the instructors' guide says how).`);
  const stop = () => {
    server.close();
    server.closeAllConnections();
    store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise(() => {});
  return 0;
}
