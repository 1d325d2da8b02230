/** @hotpath/codegen: the plumbing of lab 02's generator (the emitters themselves are the lab's). */
export * from './context.ts';
export * from './schema.ts';
export * from './generate.ts';
export * from './parts.ts';
export * from './checks.ts';
export { main as generateMain } from './cli.ts';
