/** @hotpath/kit — the manifest, the verdict vocabulary, paths and server launcher shared by every lab. */
export * from './manifest.ts';
export * from './verdict.ts';
export * from './paths.ts';
export * from './serve.ts';
export * from './module-graph.ts';
