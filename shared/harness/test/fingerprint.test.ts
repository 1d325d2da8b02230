/** The machine fingerprint: its fields, the busy verdict and the choice of CPUs for pinning. */
import { describe, expect, it } from 'vitest';
import { repoRoot } from '@hotpath/workshop/paths';
import { busyVerdict, finishFingerprint, takeFingerprint } from '../src/fingerprint.ts';
import { allowedCpus, choosePinning } from '../src/server.ts';

describe('fingerprint', () => {
  it('records runtime, hardware, load, pinning, CA certs, git and date', async () => {
    const pinning = choosePinning(true);
    const fp = finishFingerprint(await takeFingerprint({ repoRoot, pinning, sampleMs: 50 }));
    expect(fp.node).toBe(process.version);
    expect(fp.v8).toBe(process.versions.v8);
    expect(fp.platform).toBe(process.platform);
    expect(fp.arch).toBe(process.arch);
    expect(typeof fp.cpuModel).toBe('string');
    expect(fp.cores).toBeGreaterThanOrEqual(1);
    expect(fp.totalMemoryBytes).toBeGreaterThan(0);
    expect(fp.loadAverageStart).toHaveLength(3);
    expect(fp.loadAverageEnd).toHaveLength(3);
    expect(fp.pinning).toEqual(pinning);
    expect(fp.nodeExtraCaCerts).toBe(Boolean(process.env.NODE_EXTRA_CA_CERTS));
    expect(fp.gitCommit === null || /^[0-9a-f]{40}$/.test(fp.gitCommit)).toBe(true);
    expect(new Date(fp.date).toISOString()).toBe(fp.date);
    expect(fp.busy).toBe(fp.busyReasons.length > 0);
    if (process.platform === 'linux') expect(typeof fp.otherCpusBefore).toBe('number');
  });

  it('calls the machine busy on other CPU use, and on a high load average only without a CPU sample', () => {
    expect(busyVerdict(0.2, 2, 0)).toEqual([]);
    // The load average counts the last minute: the run's own build, or the previous bench. A quiet sample wins.
    expect(busyVerdict(1.5, 2, 0)).toEqual([]);
    expect(busyVerdict(0.1, 2, 0.9)).toHaveLength(1);
    expect(busyVerdict(3, 2, 1)).toEqual(['other processes were using 1.00 CPUs before the run']);
    expect(busyVerdict(1.5, 2, null)).toHaveLength(1);
    expect(busyVerdict(0.1, 2, null)).toEqual([]);
  });

  it('pins to two different allowed CPUs, or says why not', () => {
    const p = choosePinning(true);
    if (p.used) {
      expect(p.serverCpu).not.toBe(p.loadCpu);
      const allowed = allowedCpus();
      if (allowed) expect(allowed).toEqual(expect.arrayContaining([p.serverCpu, p.loadCpu]));
    } else {
      expect(p.reason).toBeTruthy();
    }
    expect(choosePinning(false)).toMatchObject({ used: false, reason: expect.stringContaining('no-pin') });
  });
});
