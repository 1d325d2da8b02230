/**
 * The checkpoint's no-pool variant: lab 04's reference with the pool bypassed — the same code, over a pool
 * that keeps no slab, so every body gets a freshly allocated buffer (a miss) and drops it after. Measured
 * beside the pooled app in the same run, it shows what the pool itself buys (seed 004: measure pooling
 * before committing to it). Served like any package: `pnpm --dir solutions/04-pooling/no-pool` is not a
 * package, the harness starts it by folder.
 */
import { appWithPool } from '../../src/app.ts';
import { BufferPool } from '../../src/pool.ts';

export const createApp = appWithPool(new BufferPool({ maxRetained: 0 }));
