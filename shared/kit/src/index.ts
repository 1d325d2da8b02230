/** @hotpath/kit — the verdict vocabulary and the module-graph check (the manifest and paths are @hotpath/workshop's). */
export * from './verdict.ts';
export * from './module-graph.ts';
