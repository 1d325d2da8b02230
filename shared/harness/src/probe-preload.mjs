/**
 * The file given to `node --import` to load the probe (src/probe.ts) into a server before its app starts.
 * Plain JavaScript because Node 20 cannot import TypeScript by itself: it loads probe.ts through a tsx
 * registration scoped to a namespace, so the server's own loader setup is left as it would be without it.
 */
import { register } from 'tsx/esm/api';

const scoped = register({ namespace: 'hotpath-probe' });
const { installProbe } = await scoped.import('./probe.ts', import.meta.url);
await scoped.unregister();
installProbe();
