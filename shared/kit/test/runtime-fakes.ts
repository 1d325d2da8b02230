/**
 * Fake runtimes for the runtime tests, so they need no network and no second Node: a runtime folder laid out as
 * install leaves it (bin/<kind> and the record), whose binary is a tiny sh script answering `--version` and the
 * probe's `-e`; and its .tgz as `npm pack` would fetch it.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECORD_FILE, type RuntimeKind } from '@hotpath/workshop/runtimes';

/** A script that says it is `kind` `says` (default: `version`). */
export function fakeBinary(path: string, kind: RuntimeKind, version: string, says = version): string {
  const probe = kind === 'bun' ? `{"node":"24.3.0","v8":"13.6.0-node.1","bun":"${says}"}` : `{"node":"${says}","v8":"99.1.0-fake","bun":null}`;
  writeFileSync(path, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "${kind === 'node' ? 'v' : ''}${says}"; else echo '${probe}'; fi\n`);
  chmodSync(path, 0o755);
  return path;
}

/** Writes <root>/.hotpath/runtimes/<kind>-<version>/ as an install leaves it; `record: false` leaves the record out. */
export function fakeInstalled(root: string, kind: RuntimeKind, version: string, options: { record?: boolean; folder?: string } = {}): string {
  const dir = join(root, '.hotpath', 'runtimes', options.folder ?? `${kind}-${version}`);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  const bin = fakeBinary(join(dir, 'bin', kind), kind, version);
  if (options.record !== false) writeFileSync(join(dir, RECORD_FILE), JSON.stringify({ kind, version, ...(kind === 'node' ? { v8: '99.1.0-fake' } : {}) }));
  return bin;
}

/**
 * A folder holding a fake `npm` (pack copies <version>.tgz into --pack-destination and prints npm's JSON, or fails
 * with npm's ETARGET JSON; view prints `versions`) and the tarballs: one per entry of `tarballs` (version → what its binary says).
 * Every call is appended to calls.log.
 */
export function fakeRegistry(kind: RuntimeKind, tarballs: Record<string, string>, versions: string[] = Object.keys(tarballs)): { npm: string; calls: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hotpath-fake-npm-'));
  for (const [version, says] of Object.entries(tarballs)) {
    const work = join(dir, `build-${version}`);
    mkdirSync(join(work, 'package', 'bin'), { recursive: true });
    fakeBinary(join(work, 'package', 'bin', kind), kind, version, says);
    execFileSync('tar', ['-czf', join(dir, `${version}.tgz`), '-C', work, 'package']);
  }
  const calls = join(dir, 'calls.log');
  const npm = join(dir, 'npm');
  writeFileSync(
    npm,
    `#!/bin/sh
echo "$@" >> "${calls}"
if [ "$1" = "view" ]; then echo '${JSON.stringify(versions)}'; exit 0; fi
version="\${2##*@}"
if [ ! -f "${dir}/$version.tgz" ]; then echo '{"error":{"code":"ETARGET","summary":"No matching version found"}}'; exit 1; fi
cp "${dir}/$version.tgz" "$4/fake-$version.tgz"
echo '[{"filename":"fake-'"$version"'.tgz"}]'
`,
  );
  chmodSync(npm, 0o755);
  return { npm, calls };
}
