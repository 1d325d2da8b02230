/**
 * Dropping executables from the OS page cache before start-up runs, so every one is read back the same
 * way: through page faults and readahead. A binary written a moment ago (postject, bun build) sits in the
 * page cache in the large folios its writes made, and mapping those shows up as ~12-15 MB more file-backed
 * RSS (VmHWM) than the same binary read back from disk — measured on lab 05's single executables.
 */
import { spawnSync } from 'node:child_process';

/**
 * `sync`, then GNU dd's iflag=nocache (posix_fadvise DONTNEED) on each file. Best effort: answers false
 * where sync or dd is missing or refuses (macOS's dd has no iflag=nocache).
 */
export function dropFromPageCache(files: readonly string[]): boolean {
  if (spawnSync('sync', { stdio: 'ignore' }).status !== 0) return false;
  return files.every((file) => spawnSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0'], { stdio: 'ignore' }).status === 0);
}
