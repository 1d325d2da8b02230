/**
 * Locale independence — .NET's InvariantGlobalization. A server's answers must not depend on the machine's
 * language or time zone: the same requests, sent to the bundle and to the snapshot binary started under
 * LANG=C.UTF-8 TZ=UTC and under LANG=tr_TR.UTF-8 TZ=Pacific/Chatham (Turkish case rules, a +12:45 zone),
 * must get the same bytes back. Plus a look at the app's own sources in the bundle: no toLocale…() and no
 * Intl on the path of a request.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Metafile } from 'esbuild';
import { labSourcePath } from '@hotpath/workshop/paths';
import { beforeAll, describe, expect, it } from 'vitest';
import { absoluteInputs, BUILD_TIMEOUT_MS, builtOnce, describeBuild, type Built } from './support/build.ts';
import { aloneInEmptyDir, record, serverEnv, startServer } from './support/servers.ts';

/** Two environments as far apart as Node's ICU lets them be. */
const ENVIRONMENTS = {
  invariant: { LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', TZ: 'UTC' },
  turkishChatham: { LANG: 'tr_TR.UTF-8', LC_ALL: 'tr_TR.UTF-8', TZ: 'Pacific/Chatham' },
} as const;
/** Locale-dependent APIs: none may appear in the app's own code. */
const LOCALE_APIS = /\.toLocale(?:String|DateString|TimeString|UpperCase|LowerCase)\s*\(|\bIntl\s*\.|\.localeCompare\s*\(/;
/** JSON.parse's position suffix, which V8 adds or leaves out independently of the locale. */
const withoutPosition = (line: string): string => line.replace(/ \(line \d+ column \d+\)/g, '');
/** Longest answer shown in a failure message. */
const MAX_SHOWN = 200;
/** Recording ~350 answers twice per subject, plus two starts. */
const RECORD_TIMEOUT_MS = 90_000;

let built: Built;
beforeAll(async () => {
  built = await builtOnce();
}, BUILD_TIMEOUT_MS);

it('the two environments really differ for Node (else this test would prove nothing)', () => {
  const probe = 'console.log(new Date(0).toString(), (1234.5).toLocaleString(), Intl.DateTimeFormat().resolvedOptions().timeZone)';
  const seen = Object.values(ENVIRONMENTS).map((env) => spawnSync(process.execPath, ['-e', probe], { env: serverEnv(env), encoding: 'utf8' }).stdout);
  expect(seen[0], 'This Node shows no difference between the two environments (no full ICU?): the comparison below would be vacuous').not.toBe(seen[1]);
});

describe.each([
  { label: 'node server.cjs', file: 'server.cjs', node: true },
  { label: 'server-sea-snapshot', file: 'server-sea-snapshot', node: false },
])('$label', ({ label, file, node }) => {
  it('answers the same bytes under LANG=tr_TR.UTF-8 TZ=Pacific/Chatham as under LANG=C.UTF-8 TZ=UTC', { timeout: RECORD_TIMEOUT_MS }, async () => {
    expect(built.error, `Make the build work first: ${describeBuild(built)}`).toBeUndefined();
    const outcome = built.report!.binaries.find((b) => b.name === file);
    if (!node) expect(outcome && !('error' in outcome), `Build ${file} first (step 3): ${describeBuild(built)}`).toBe(true);

    const answers: string[][] = [];
    for (const env of Object.values(ENVIRONMENTS)) {
      const alone = aloneInEmptyDir(join(built.dir, file));
      try {
        const server = await startServer(node ? process.execPath : alone.path, node ? [alone.path] : [], alone.dir, env);
        try {
          answers.push(await record(server.url));
        } finally {
          await server.stop();
        }
      } finally {
        alone.remove();
      }
    }
    // V8 (seen on Node 26's snapshot binary) sometimes adds " (line 1 column N)" to JSON.parse's message and
    // sometimes not, whatever the locale: that position suffix is not what this test is about.
    const [invariant = [], turkish = []] = (answers as [string[], string[]]).map((lines) => lines.map(withoutPosition));
    const clip = (line: string | undefined) => (line && line.length > MAX_SHOWN ? `${line.slice(0, MAX_SHOWN)}…` : line);
    const differences = invariant.flatMap((line, i) => (line === turkish[i] ? [] : [`C.UTF-8/UTC: ${clip(line)}\n    tr_TR/Chatham: ${clip(turkish[i])}`]));
    expect(
      differences,
      `${label} answered differently under another locale and time zone. Format dates, numbers and case without the locale: ` +
        "no toLocale…(), no Intl, no localeCompare on the path of a request — .NET's InvariantGlobalization",
    ).toEqual([]);
  });
});

it("the app's own sources in the bundle use no locale-dependent API", () => {
  expect(built.error, `Make the build work first: ${describeBuild(built)}`).toBeUndefined();
  const metafile = JSON.parse(readFileSync(built.report!.bundles.server.metafilePath, 'utf8')) as Metafile;
  const own = absoluteInputs(metafile, labSourcePath('server.ts')).filter((path) => !path.includes('/node_modules/'));
  expect(own.length, 'The metafile lists no source of the app: bundle with metafile: true').toBeGreaterThan(0);
  const uses: string[] = [];
  for (const path of own) {
    const lines = readFileSync(path, 'utf8').split('\n');
    for (const [i, line] of lines.entries()) if (LOCALE_APIS.test(line)) uses.push(`${path}:${i + 1}: ${line.trim()}`);
  }
  expect(uses, 'Remove locale-dependent calls from the app (they answer differently on a Turkish or a Chatham machine)').toEqual([]);
});
