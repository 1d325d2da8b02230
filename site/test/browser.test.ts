/**
 * The built site in a real browser (Debian's Chromium through playwright-core; `.ci/run` installs it):
 * every page loads with no console error and no request to any host but the local server; each lab page
 * shows its instructions and its chart (titled with the stage it was measured against, micro-benchmarks in a
 * captioned table); home → lab 05 navigation works; charts carry accessible titles; lab 05's page shows its
 * start-up table and capstone under the chart, and its cost estimate recomputes when the price is edited.
 * On a lab page with results on two runtimes, the runtime picker switches every figure block, its
 * runtime label and the targets listed (those for that runtime), by keyboard, and the pick is remembered (lab 02: the committed runs when the repository has
 * two, else a second build with test/fixtures/results laid over — HOTPATH_SITE_RESULTS).
 * Lab 02's and lab 05's charts draw each target of their run on the figure it judges, with its verdict in
 * words under the bar it judges (not over it) and in the targets list under the chart.
 * Screenshots of home, one lab page, the concept map, lab 05's results, lab 02's picker and lab 02's and lab 05's
 * charts (light and dark) go to test-artifacts/.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { labs } from '@hotpath/workshop/manifest';
import { loadLabData, type ChartRun } from '../plugins/checkpoint-data.ts';
import { loadLabResults } from '../plugins/lab-results.ts';
import { repoRoot } from '../plugins/repo-links.ts';
import { serveStatic } from './static-server.ts';
import { artifacts, build, openSite, site, type SiteBrowser } from './browser-support.ts';

vi.mock('@docusaurus/useGlobalData', () => ({ usePluginData: () => ({ labs: [] }) }));
const { formatValue } = await import('../src/components/CheckpointChart.tsx');

/** Every page of the build, from its sitemap (lab pages, source pages, the rest). */
function sitePages(): string[] {
  const sitemap = readFileSync(join(build, 'sitemap.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).sort();
}
const PAGES = existsSync(join(build, 'sitemap.xml')) ? sitePages() : ['/'];

let opened: SiteBrowser;
let base = '';
let browser: BrowserContext;
const visit = (path: string, at?: string) => opened.visit(path, at);

beforeAll(async () => {
  opened = await openSite(build);
  ({ base, browser } = opened);
});

afterAll(async () => {
  await opened?.close();
});

describe('the built site in Chromium', () => {
  it.each(PAGES)('%s loads with no console error and no request beyond localhost', async (path) => {
    const { page, errors, foreign } = await visit(path);
    expect(errors, `console errors on ${path}`).toEqual([]);
    expect(foreign, `requests to other hosts from ${path}`).toEqual([]);
    await page.close();
  });

  it('visits every page of the sitemap, the lab pages and the main pages among them', () => {
    for (const path of ['/', '/concepts', '/progress', '/troubleshooting', '/instructors', ...labs.map((lab) => `/labs/${lab.slug}`)])
      expect(PAGES).toContain(path);
  });

  it.each(labs.map((lab) => [lab.slug, lab.title, lab.status] as const))('the %s page shows its instructions and its chart', async (slug, title, status) => {
    const { page } = await visit(`/labs/${slug}`);
    const heading = (await page.locator('article h1').first().textContent()) ?? '';
    expect(heading, 'the page starts with the README heading').toContain(title.split(':')[0]!.trim());
    const chart = page.locator('svg[role="img"]').first();
    await expect.poll(() => chart.count()).toBe(1);
    const label = await chart.getAttribute('aria-labelledby');
    const titleText = await page.locator(`[id="${label!.split(' ')[0]}"]`).textContent();
    expect(titleText, 'the chart has an accessible title').toMatch(/lab \d\d/i);
    if (status === 'ready') {
      expect(await chart.locator('rect').count(), 'a ready lab charts real figures (bars)').toBeGreaterThan(0);
      expect(titleText, 'the title names the stage the run was measured against').toMatch(/against lab \d\d$/);
    }
    if (slug === '01-slim-builder') {
      // Lab 01's checkpoint has micro-benchmarks: a table with a caption under the chart.
      expect(await page.locator('table.hp-micro caption').first().textContent()).toMatch(
        /Micro-benchmarks on (Node|Bun) \d+\.\d+\.\d+( · V8 \d+\.\d+)?, per call .*Ratios are to lab 00/,
      );
    }
    await page.close();
  });

  it('navigates from home to lab 05 and saves screenshots', async () => {
    const { page } = await visit('/');
    await page.screenshot({ path: join(artifacts, 'home.png'), fullPage: true });
    const last = labs.at(-1)!;
    await page.locator(`main a[href="/labs/${last.slug}"]`).first().click();
    await page.waitForURL(`${base}/labs/${last.slug}`);
    expect(await page.locator('article h1').first().textContent()).toContain(last.title.split(':')[0]!.trim());
    await page.goto(`${base}/labs/01-slim-builder`, { waitUntil: 'networkidle' });
    await page.screenshot({ path: join(artifacts, 'lab-01.png'), fullPage: true });
    await page.goto(`${base}/concepts`, { waitUntil: 'networkidle' });
    await page.screenshot({ path: join(artifacts, 'concepts.png'), fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(`${base}/labs/01-slim-builder`, { waitUntil: 'networkidle' });
    expect(await page.locator('html').getAttribute('data-theme'), 'the site follows a dark system theme').toBe('dark');
    await page
      .locator('.hp-chart')
      .first()
      .screenshot({ path: join(artifacts, 'lab-01-chart-dark.png') });
    await page.close();
    for (const file of ['home.png', 'lab-01.png', 'concepts.png', 'lab-01-chart-dark.png']) expect(existsSync(join(artifacts, file)), file).toBe(true);
  });

  it("shows lab 05's start-up table and capstone under its chart, the cost recomputing for a new price", async () => {
    const { page, errors } = await visit('/labs/05-single-binary');
    // The committed capstone's estimate, as the plugin reads it, for the runtime the page shows (its picker's choice).
    const runtime = await page.locator('figure.hp-chart').first().getAttribute('data-runtime');
    const capstones = loadLabResults()['05-single-binary']!.capstone;
    const cost = (capstones.find((c) => c.runtime.id === runtime) ?? capstones[0]!).cost!;
    const top = async (selector: string) => (await page.locator(selector).boundingBox())!.y;
    const [chart, startupAt, capstoneAt] = [await top('#checkpoint-chart'), await top('#startup-table'), await top('#capstone-lab-00-vs-the-final-binary')];
    expect(chart < startupAt && startupAt < capstoneAt, 'chart, then the start-up table, then the capstone').toBe(true);

    const startup = page.locator('table.hp-startup');
    expect(await startup.locator('caption').textContent()).toMatch(/\d+ starts of each, .*(Node|Bun) \d+\.\d+\.\d+( · V8 \d+\.\d+)? on .*\d{4}-\d\d-\d\d/);
    const codeCache = startup.locator('tbody tr').filter({ has: page.locator('th[scope="row"]', { hasText: /^SEA code cache$/ }) });
    expect(await codeCache.count(), 'the SEA code cache row').toBe(1);
    const targetColumn = (await startup.locator('thead th').allTextContents()).findIndex((h) => h.startsWith('target:'));
    expect(await codeCache.locator('th, td').nth(targetColumn).textContent(), 'its target column').toMatch(/^[✓✗] (met|not met)$/);

    const capstone = page.locator('table.hp-capstone');
    expect(await capstone.locator('thead th').allTextContents()).toEqual([
      'figure',
      'lab 00 (pnpm start, tsx)',
      'final binary (SEA code cache)',
      'binary ÷ lab 00',
    ]);
    const costTable = page.locator('table.hp-cost-table');
    expect(await costTable.locator('td.hp-instances').allTextContents(), 'the instance counts of the committed run').toEqual([
      String(cost.before.instances),
      String(cost.after.instances),
    ]);
    const monthly = (price: number) =>
      [cost.before.instances * price, cost.after.instances * price].map((usd) => usd.toLocaleString('en-US', { maximumFractionDigits: 2 }));
    const shown = () => costTable.locator('td.hp-monthly').allTextContents();
    expect(await shown()).toEqual(monthly(cost.assumptions.pricePerMonthUsd));
    const price = cost.assumptions.pricePerMonthUsd * 2 + 1;
    await page.getByLabel('Price per instance-month, USD').fill(String(price));
    await expect.poll(shown, { timeout: 5000 }).toEqual(monthly(price));
    expect(await page.locator('output.hp-saving').textContent()).toMatch(/^Saving [\d,.]+ USD\/month/);

    // The two sections in one picture, the page tall enough that the sticky navbar covers nothing.
    await page.setViewportSize({ width: 1280, height: Math.ceil(await page.evaluate(() => document.documentElement.scrollHeight)) });
    const from = (await page.locator('section[aria-labelledby="startup-table"]').boundingBox())!;
    const to = (await page.locator('section[aria-labelledby="capstone-lab-00-vs-the-final-binary"]').boundingBox())!;
    await page.screenshot({
      path: join(artifacts, 'lab-05-results.png'),
      clip: { x: from.x - 8, y: from.y - 8, width: Math.max(from.width, to.width) + 16, height: to.y + to.height - from.y + 16 },
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('targets and verdicts on the charts', () => {
  const SIGN = { met: '✓', missed: '✗', inconclusive: '?' } as const;
  it.each(['02-generated-serializers', '05-single-binary'])(
    'the %s chart draws each target where it judges, its verdict in words on the bar it judges',
    async (slug) => {
      const lab = loadLabData(repoRoot).find((l) => l.slug === slug)!;
      const { page, errors } = await visit(`/labs/${slug}`);
      const figure = page.locator('figure.hp-chart').first();
      const runtime = await figure.getAttribute('data-runtime');
      // Your own latest run stands in for the reference run of its runtime (a checkout where pnpm lab bench ran).
      const run = lab.local?.runtime.id === runtime ? lab.local : lab.references.find((r) => r.runtime.id === runtime)!;
      const judged = run.source === 'local' ? 'learner' : 'reference';
      expect(run.verdicts?.length, `${slug}'s run on ${runtime} is judged against its targets`).toBeGreaterThan(0);
      for (const v of run.verdicts!) {
        const on = [...(run.microGroups ?? []), ...run.metrics].find((g) => g.targets?.some((t) => t.id === v.id));
        expect(on, `${v.id} (${v.words}) is drawn on a figure of the chart`).toBeDefined();
        const target = on!.targets!.find((t) => t.id === v.id)!;
        const group = figure.locator(`svg g.hp-group[data-metric="${on!.key}"]`);
        expect(await group.count(), `the chart draws ${on!.label}`).toBe(1);
        if (target.at !== null) expect(await group.locator(`g.hp-target-line[data-target="${v.id}"] line`).count(), `${v.id}'s line on ${on!.label}`).toBe(1);
        const mark = group.locator(`tspan[data-target="${v.id}"][data-verdict="${v.state}"][data-series="${judged}"]`);
        expect(await mark.count(), `${v.id}'s verdict (${v.state}) under the ${judged}'s bar`).toBe(1);
        expect(await mark.textContent()).toContain(`${v.id} ${target.short}: ${SIGN[v.state]} ${v.state}`);
        // The text never covers the bar it judges.
        const [text, bar] = [await mark.boundingBox(), await group.locator(`rect[data-series="${judged}"]`).boundingBox()];
        expect(text!.y >= bar!.y + bar!.height || text!.y + text!.height <= bar!.y, `${v.id}'s verdict is beside its bar, not over it`).toBe(true);
        const item = figure.locator(`.hp-targets li[data-target="${v.id}"]`);
        expect(await item.getAttribute('data-verdict')).toBe(v.state);
        expect(await item.textContent()).toContain(`${v.id} ${v.words}: `);
        expect(await item.textContent()).toContain(`${SIGN[v.state]} ${v.lines[0]!.text}`);
      }
      // The run of record: its file, linked to a page that shows it.
      const record = figure.locator('.hp-record a');
      expect(await record.textContent(), 'the chart names its results file').toBe(run.file);
      expect((await fetch(`${base}${await record.getAttribute('href')}`)).status, `${run.file}'s page answers`).toBe(200);
      // The page tall enough that the sticky navbar covers nothing of the chart.
      const tall = async () => page.setViewportSize({ width: 1280, height: Math.ceil(await page.evaluate(() => document.documentElement.scrollHeight)) });
      await tall();
      await figure.screenshot({ path: join(artifacts, `chart-${slug}.png`) });
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.reload({ waitUntil: 'networkidle' });
      await tall();
      await page
        .locator('figure.hp-chart')
        .first()
        .screenshot({ path: join(artifacts, `chart-${slug}-dark.png`) });
      expect(errors).toEqual([]);
      await page.close();
    },
  );
});

describe('picking the runtime on a lab page', () => {
  const LAB02 = '02-generated-serializers';
  const FIXTURES = join(site, 'test', 'fixtures', 'results');
  let at = '';
  let runs: ChartRun[] = [];
  /** Your latest lab 02 run, when this checkout has one: it stands in for the reference run of its runtime. */
  let local: ChartRun | undefined;
  let fixtureServer: Server | undefined;
  let fixtureBuild = '';

  beforeAll(async () => {
    ({ references: runs, local } = loadLabData(repoRoot).find((lab) => lab.slug === LAB02)!);
    if (runs.length >= 2) {
      at = base;
      return;
    }
    // Lab 02 has one runtime committed: build the site again with the fixture's Node 26 run laid over it.
    fixtureBuild = mkdtempSync(join(tmpdir(), 'hotpath-site-runtimes-'));
    execFileSync(join(site, 'node_modules', '.bin', 'docusaurus'), ['build', '--out-dir', fixtureBuild], {
      cwd: site,
      env: { ...process.env, HOTPATH_SITE_RESULTS: FIXTURES, NO_UPDATE_NOTIFIER: '1' },
      stdio: 'pipe',
    });
    ({ references: runs, local } = loadLabData(repoRoot, FIXTURES).find((lab) => lab.slug === LAB02)!);
    ({ server: fixtureServer, url: at } = await serveStatic(fixtureBuild));
  }, 600_000);

  afterAll(async () => {
    if (fixtureServer) await new Promise((done) => fixtureServer!.close(done));
    if (fixtureBuild) rmSync(fixtureBuild, { recursive: true, force: true });
  });

  /** The runtime the page shows first (the newest Node major) and another one to pick. */
  const choices = () => {
    const newest = runs.filter((run) => run.runtime.kind === 'node').at(-1)!;
    return { newest, other: runs.find((run) => run !== newest)! };
  };

  it('renders the newest Node major on the server, for readers without JavaScript', async () => {
    const { newest, other } = choices();
    const html = await (await fetch(`${at}/labs/${LAB02}`)).text();
    expect(html, 'the chart is the default runtime').toMatch(new RegExp(`<figure class="?hp-chart"? data-runtime="?${newest.runtime.id}"?>`));
    expect(html).toContain(`Runtime: <strong>${newest.runtime.caption}</strong>`);
    expect(html, 'its button pressed, disabled until the page is live').toMatch(
      new RegExp(`aria-pressed="?true"? disabled[^>]*>${newest.runtime.name}</button>`),
    );
    expect(html).toMatch(new RegExp(`aria-pressed="?false"? disabled[^>]*>${other.runtime.name}</button>`));
  });

  it('switches the chart, its micro table and their runtime label, by keyboard, and remembers the pick', async () => {
    const { newest, other } = choices();
    const { page, errors } = await visit(`/labs/${LAB02}`, at);
    const picker = page.getByRole('group', { name: 'Measured on' });
    // Hydration can take a few seconds on a busy machine.
    const live = () => expect.poll(() => picker.getAttribute('data-live'), { timeout: 15_000 }).toBe('true');
    const button = (run: ChartRun) => picker.getByRole('button', { name: run.runtime.name, exact: true });
    const shows = async (picked: ChartRun) => {
      const run = local?.runtime.id === picked.runtime.id ? local : picked;
      const figure = page.locator('figure.hp-chart');
      await expect.poll(() => figure.getAttribute('data-runtime'), { timeout: 5000 }).toBe(run.runtime.id);
      expect(await figure.locator('.hp-runtime').textContent(), 'the runtime label').toBe(`Runtime: ${run.runtime.caption}`);
      const targets = figure.locator('.hp-targets');
      expect(await targets.locator('p').first().textContent()).toMatch(
        new RegExp(`^Targets on ${run.runtime.name}, the runtime of this run — ${run.source === 'local' ? 'yours' : 'the reference solution'}: `),
      );
      const items = await targets.locator('li').allTextContents();
      expect(
        items.map((item, i) => item.startsWith(`T${i + 1} ${run.targets[i]}: `)),
        `the targets for ${run.runtime.name} only, each naming its runtimes: ${items.join(' | ')}`,
      ).toEqual(run.targets.map(() => true));
      expect(await figure.locator('svg > title').textContent(), "the chart's accessible title").toContain(` on ${run.runtime.caption}: `);
      const micro = figure.locator('table.hp-micro').first();
      expect(await micro.locator('caption').textContent()).toContain(`Micro-benchmarks on ${run.runtime.caption}, per call`);
      const column = (await micro.locator('thead th').allTextContents()).indexOf('reference');
      const first = run.micro[0]!;
      const cell = await micro.locator('tbody tr').first().locator('th, td').nth(column).textContent();
      expect(cell, `the micro table's first reference figure on ${run.runtime.name}`).toMatch(
        new RegExp(`^${formatValue(first.values.reference!, first.unit).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`),
      );
      for (const r of [newest, other]) expect(await button(r).getAttribute('aria-pressed')).toBe(String(r === picked));
    };
    await live();
    await shows(newest);
    await button(other).focus();
    await page.keyboard.press('Enter');
    await shows(other);
    await page.reload({ waitUntil: 'networkidle' });
    await live();
    await shows(other);
    await page.locator('section[aria-label="Checkpoint of lab 02"]').screenshot({ path: join(artifacts, 'lab-02-runtime-picker.png') });
    await button(newest).focus();
    await page.keyboard.press('Space');
    await shows(newest);
    await page.evaluate(() => window.localStorage.removeItem('hotpath.runtime'));
    expect(errors).toEqual([]);
    await page.close();
  });
});
