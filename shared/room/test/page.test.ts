/**
 * The room page in headless Chromium (Debian's, through playwright-core; a fresh profile; every request that
 * leaves the room refused): the grid shows each learner's state in words, a name written as HTML shows as text
 * and runs nothing, a report posted while the page is open reaches the page over Server-Sent Events (the
 * page's 5 s poll stays off), the "stuck on" line counts the red learners sharing a message, and axe-core finds
 * no WCAG 2 A/AA violation. The time from the post to the page is printed, not asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '@hotpath/workshop/chromium';
import axe from 'axe-core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join, type Joined, post, type RoomProcess, startRoom, testReport } from './room-process.ts';

const data = mkdtempSync(joinPath(tmpdir(), 'hotpath-room-page-'));
const profile = mkdtempSync(joinPath(tmpdir(), 'hotpath-chromium-'));
let room: RoomProcess;
let browser: BrowserContext;
let page: Page;
const errors: string[] = [];
const learners: Joined[] = [];
const EVIL = '<img src=x onerror="window.pwned=1">';

beforeAll(async () => {
  room = await startRoom(data);
  for (const name of ['Ada', 'Grace', EVIL]) learners.push(await join(room.url, name));
  await post(room.url, learners[0]!.learnerId, learners[0]!.token, testReport('01-slim-builder', 0));
  await post(room.url, learners[1]!.learnerId, learners[1]!.token, testReport('01-slim-builder', 3, 'Return 400 when the body is not JSON'));
  await post(room.url, learners[2]!.learnerId, learners[2]!.token, testReport('01-slim-builder', 1, 'Return 400 when the body is not JSON'));
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.route('**/*', (route) => (route.request().url().startsWith(room.url) ? route.continue() : route.abort()));
  await page.goto(`${room.url}/`);
  await page.waitForFunction(() => document.querySelectorAll('#grid tbody tr').length === 3, undefined, { timeout: 15_000 });
});

afterAll(async () => {
  await browser?.close();
  await room?.stop();
  rmSync(data, { recursive: true, force: true });
  rmSync(profile, { recursive: true, force: true });
});

const cell = (row: number, lab: string) =>
  page.evaluate(
    ([r, slug]) => {
      const labs = [...document.querySelectorAll('#grid thead th')].map((th) => th.textContent ?? '');
      const column = labs.findIndex((t) => t.startsWith(slug!));
      return document.querySelectorAll('#grid tbody tr')[r as number]!.children[column]!.textContent;
    },
    [row, lab] as const,
  );

describe('the room page in Chromium', () => {
  it("shows each learner's state per lab in words, and a name written as HTML as text", async () => {
    expect(await cell(0, '01')).toBe('✓ green 10/10');
    expect(await cell(1, '01')).toBe('✗ red 7/10');
    expect(await cell(0, '02')).toBe('· not started');
    const names = await page.$$eval('#grid tbody th', (ths) => ths.map((th) => th.textContent));
    expect(names).toEqual(['Ada', 'Grace', EVIL]);
    expect(await page.$$eval('#grid img', (imgs) => imgs.length)).toBe(0);
    expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.textContent('#stuck')).toContain('Lab 01: 2 of 2 red on Return 400 when the body is not JSON');
  });

  it('shows a report posted while it is open, over Server-Sent Events', async () => {
    const t0 = performance.now();
    await post(room.url, learners[1]!.learnerId, learners[1]!.token, testReport('01-slim-builder', 0));
    await page.waitForFunction(() => document.querySelectorAll('#grid tbody tr')[1]?.textContent?.includes('✓ green 10/10'), undefined, { timeout: 15_000 });
    console.log(`room page: a posted report shown ${Math.round(performance.now() - t0)} ms after the post`);
    expect(await cell(1, '01')).toBe('✓ green 10/10');
    const feed = await page.evaluate(() => (window as unknown as { roomFeed: { events: number; polling: boolean } }).roomFeed);
    expect(feed.polling, 'the 5 s poll never started').toBe(false);
    expect(feed.events, 'the first state and the update, both as events').toBeGreaterThanOrEqual(2);
    expect(await page.textContent('#stuck')).toContain('Lab 01: 1 of 1 red');
    expect(errors).toEqual([]);
  });

  it('has no WCAG 2 A/AA violation (axe-core)', async () => {
    await page.addScriptTag({ content: axe.source });
    const violations = await page.evaluate(async () => {
      const w = window as unknown as { axe: typeof axe };
      const result = await w.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} (${n.failureSummary})`).join(', ')}`);
    });
    expect(violations).toEqual([]);
  });
});
