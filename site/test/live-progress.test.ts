/**
 * Live progress: the site's own server (server/serve.ts) on a free port, against a temporary kit root whose
 * .hotpath/ the test writes (never the repository's), with the production build. The Progress page and the
 * sidebar's done marks follow a new tests.json and a new history line within a bounded poll, with no rebuild;
 * a missed target is named with its figure in the target's words; a corrupt state file is a JSON answer
 * saying what is wrong; static serving maps /x to x.html, refuses traversal and answers misses with 404.html.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labs } from '@hotpath/workshop/manifest';
import { treeHash } from '@hotpath/kit/cli/workspace';
import { targetWords } from '@hotpath/kit/verdict';
import { startSiteServer, type RunningSite } from '../server/serve.ts';
import { build, launch, site } from './browser-support.ts';

const LAB01 = '01-slim-builder';
const LAB02 = '02-generated-serializers';
const root = mkdtempSync(join(tmpdir(), 'hotpath-live-'));
const state = join(root, '.hotpath');
const src01 = join(root, 'labs', LAB01, 'src');

/** A test record as `pnpm lab test` writes it; `fresh`: hashed over the temporary lab 01's src/ as it is. */
const record = (passed: number, failed: number, fresh = true) => ({
  srcHash: fresh ? treeHash(src01) : 'an older src/',
  passed,
  failed,
  loadErrors: 0,
  further: { passed: 1, failed: 1, loadErrors: 0 },
  typeErrors: 0,
  at: new Date().toISOString(),
});
const writeTests = (tests: unknown) => writeFileSync(join(state, 'tests.json'), typeof tests === 'string' ? tests : JSON.stringify(tests));

/** A bench history line for lab 02 judging its serializer target as missed, with its local result. */
function historyLine() {
  const target = labs.find((lab) => lab.slug === LAB02)!.targets.find((t) => t.scenario === 'one Todo → JSON text' && t.vs === undefined)!;
  const result = `.hotpath/results/${LAB02}/live-test.json`;
  mkdirSync(join(state, 'results', LAB02), { recursive: true });
  cpSync(join(site, 'test/fixtures/verdicts/local', `${LAB02}.json`), join(root, result));
  const entry = {
    lab: LAB02,
    at: new Date().toISOString(),
    mode: 'quick',
    result,
    runtime: 'Node 20.20.2',
    verdict: { met: 0, total: 1, missed: 1, inconclusive: 0 },
    targets: [
      {
        label: targetWords(target),
        words: '2.86× faster than JSON.stringify serializing one Todo',
        targetShort: '≥ 3×',
        ratio: 1 / 2.86,
        met: false,
        state: 'missed',
      },
    ],
    ratios: {},
    fingerprint: { node: 'v20.20.2', cpuModel: 'Test CPU', cores: 2, busy: false, gitCommit: null },
  };
  return `${JSON.stringify(entry)}\n`;
}

/** The build has no favicon yet (another part of issue 20 adds it): its 404 is not this test's business. */
const notFavicon = (error: string) => !/status of 404/.test(error);

let server: RunningSite;
let chromium: Awaited<ReturnType<typeof launch>>;

beforeAll(async () => {
  mkdirSync(src01, { recursive: true });
  writeFileSync(join(src01, 'app.ts'), 'export const app = 1;\n');
  mkdirSync(state, { recursive: true });
  writeTests({ [LAB01]: record(10, 2) });
  server = await startSiteServer({ root, build, port: 0 });
  chromium = await launch(server.url);
});

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

const api = async () =>
  (await fetch(`${server.url}/api/progress`)).json() as Promise<{ source: string; problems: string[]; labs: Array<{ slug: string; testsGreen: boolean }> }>;

describe('the Progress page under the site server', () => {
  it('follows a new tests.json and a new bench history line within seconds, naming the missed target', async () => {
    const { page, errors, foreign } = await chromium.visit('/progress');
    const section = (slug: string) => page.locator(`section[data-lab="${slug}"]`);
    await expect
      .poll(() => section(LAB01).textContent(), { timeout: 5000, message: 'The Progress page shows the last pnpm lab test of lab 01 (core passing/failing)' })
      .toContain('core 10/12');
    await expect.poll(() => page.locator('[data-progress="source"]').textContent(), { timeout: 5000 }).toContain('Live');

    writeTests({ [LAB01]: record(12, 0) });
    await expect
      .poll(() => section(LAB01).textContent(), { timeout: 5000, message: 'A new pnpm lab test shows on the open Progress page within 5 s, without a rebuild' })
      .toContain('core 12/12');

    appendFileSync(join(state, 'history.jsonl'), historyLine());
    await expect
      .poll(() => section(LAB02).locator('[data-progress="not-met"]').textContent(), {
        timeout: 5000,
        message: 'Name each missed target with its figure in the target’s words',
      })
      .toContain('2.86× faster than JSON.stringify serializing one Todo (target ≥ 3×) — missed');
    await expect.poll(() => section(LAB02).textContent(), { timeout: 5000 }).toContain('0 met · 1 missed of 1 target');
    await expect
      .poll(() => section(LAB02).locator(`figure.hp-chart svg[aria-labelledby^="chart-${LAB02}-local"]`).count(), {
        timeout: 5000,
        message: 'Your latest local run is charted live ("yours" bars)',
      })
      .toBeGreaterThan(0);

    writeTests({ [LAB01]: record(12, 0, false) });
    await expect.poll(() => section(LAB01).textContent(), { timeout: 5000, message: 'A test run older than src/ shows as stale' }).toContain('Stale');
    expect(errors.filter(notFavicon), 'console errors on /progress').toEqual([]);
    expect(foreign).toEqual([]);
    await page.close();
  });

  it('marks a lab in the sidebar when its tests pass, by name, live', async () => {
    writeTests({ [LAB01]: record(10, 2) });
    const { page, errors } = await chromium.visit(`/labs/${LAB01}`);
    const mark = page.locator(`.menu [data-lab-marks="${LAB01}"] [role="img"][aria-label="tests pass"]`);
    await expect.poll(() => mark.count(), { timeout: 5000 }).toBe(0);
    writeTests({ [LAB01]: record(12, 0) });
    await expect.poll(() => mark.count(), { timeout: 5000, message: 'Show a "tests pass" mark beside lab 01 in the sidebar once its tests pass' }).toBe(1);
    expect(errors.filter(notFavicon)).toEqual([]);
    await page.close();
  });
});

describe('the site server', () => {
  it('answers a corrupt tests.json with JSON saying which file to fix', async () => {
    writeTests('{ not json');
    const body = await api();
    expect(body.source).toBe('live');
    expect(body.problems.join('\n'), 'Say in /api/progress which state file is not valid JSON').toMatch(/\.hotpath\/tests\.json is not valid JSON/);
    expect(body.labs.find((lab) => lab.slug === LAB01)?.testsGreen).toBe(false);
    writeTests({ [LAB01]: record(12, 0) });
    expect((await api()).problems).toEqual([]);
  });

  it('serves /x as x.html, misses as 404.html with status 404, and refuses path traversal', async () => {
    const lab = await fetch(`${server.url}/labs/${LAB01}`);
    expect(lab.status).toBe(200);
    expect(await lab.text()).toContain('<html');
    const miss = await fetch(`${server.url}/no-such-page`);
    expect(miss.status).toBe(404);
    expect(await miss.text(), 'Serve the build’s 404.html for a miss').toContain('Page Not Found');
    const traversal = await fetch(`${server.url}/..%2f..%2fpackage.json`);
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain('"name"');
    // Raw paths, which fetch would normalize away.
    for (const path of ['/../package.json', '/../../package.json', '/%2e%2e/package.json', '/..\\package.json']) {
      const { status, body } = await new Promise<{ status: number; body: string }>((done, fail) => {
        request(`${server.url}${path}`.replace(path, ''), { path }, (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => done({ status: res.statusCode ?? 0, body }));
        })
          .on('error', fail)
          .end();
      });
      expect([400, 404], `GET ${path} is refused`).toContain(status);
      expect(body, `GET ${path} must not serve a file outside the build`).not.toContain('"name"');
    }
  });
});
