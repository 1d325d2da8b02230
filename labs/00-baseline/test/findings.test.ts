/** Lab 00, part 3: what the CPU profile shows (src/measure/findings.ts), checked against a fresh profile. */
import { ingest1k } from '@hotpath/api/fixtures';
import { describe, expect, it } from 'vitest';
import { findings } from '#lab/measure/findings.ts';
import { profilePackages } from './support/profile.ts';

const isDependency = (name: string) => name !== 'node' && name !== 'other' && !name.startsWith('@hotpath/');

describe('lab 00 · part 3: reading the profile', () => {
  it('names the npm package with the most self time on POST /ingest/v1', async () => {
    expect(findings.hottestPackage, 'Profile POST /ingest/v1 and write the hottest npm package in findings.hottestPackage').not.toBe('');
    const { createApp } = await import('#lab/app.ts');
    const app = createApp({ logWrite: () => {} });
    const post = async () => {
      const init = { method: 'POST', body: ingest1k as Uint8Array<ArrayBuffer>, headers: { 'content-type': 'application/json' } };
      const response = await app.fetch(new Request('http://lab.local/ingest/v1', init));
      if (response.status !== 202) throw new Error(`POST /ingest/v1 answered ${response.status}`);
      app.sink.drain();
    };
    for (let i = 0; i < 300; i++) await post(); // warm up
    const ranking = (await profilePackages(async () => {
      for (let i = 0; i < 2_000; i++) await post();
    })).filter((entry) => isDependency(entry.name));
    const top = ranking[0]!;
    const named = ranking.find((entry) => entry.name === findings.hottestPackage);
    const table = ranking.slice(0, 5).map((entry) => `${entry.name} ${(entry.share * 100).toFixed(1)}%`).join(', ');
    expect(named, `"${findings.hottestPackage}" does not appear in the profile at all (top: ${table})`).toBeDefined();
    expect(
      named!.selfMs,
      `Look again: in this profile ${top.name} has the most self time among dependencies (${table})`,
    ).toBeGreaterThanOrEqual(top.selfMs * 0.75);
  });

  it('says why in a sentence', () => {
    expect(findings.why.trim().length, 'Write one sentence in findings.why: what does that package do on every request?').toBeGreaterThanOrEqual(20);
  });
});
