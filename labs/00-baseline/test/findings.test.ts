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
    // Three profiles added up: one short profile can rank two close packages either way.
    const total = new Map<string, number>();
    for (let run = 0; run < 3; run++) {
      const ranking = await profilePackages(async () => {
        for (let i = 0; i < 1_500; i++) await post();
      });
      for (const entry of ranking) total.set(entry.name, (total.get(entry.name) ?? 0) + entry.selfMs);
    }
    const ranking = [...total].filter(([name]) => isDependency(name)).sort((a, b) => b[1] - a[1]);
    const all = [...total.values()].reduce((sum, ms) => sum + ms, 0);
    const table = ranking.slice(0, 5).map(([name, ms]) => `${name} ${((ms / all) * 100).toFixed(1)}%`).join(', ');
    const [topName, topMs] = ranking[0]!;
    const named = total.get(findings.hottestPackage);
    expect(named, `Name an npm package that appears in the profile (this run's top dependencies: ${table})`).toBeDefined();
    expect(
      named!,
      `Look again at self time: in this profile ${topName} leads the dependencies (${table})`,
    ).toBeGreaterThanOrEqual(topMs * 0.6);
  });

  it('says why in a sentence', () => {
    expect(findings.why.trim().length, 'Write one sentence in findings.why: what does that package do on every request?').toBeGreaterThanOrEqual(20);
  });
});
