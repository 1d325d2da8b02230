#!/usr/bin/env node
/**
 * The room's background sender (src/cli/room-send.ts), started detached by `pnpm lab test` and `pnpm lab bench`
 * in a checkout that joined a room: argv[2] is the checkout's .hotpath folder.
 */
import { loadTypeScript } from '@hotpath/workshop/typescript-loader';

await loadTypeScript();
const { sendOutbox } = await import('../src/cli/room-send.ts');
await sendOutbox(process.argv[2]);
