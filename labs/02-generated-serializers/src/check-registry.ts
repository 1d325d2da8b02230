/**
 * The registry rule of seeds 002 and 003 ("every type in an HTTP body must be in the JsonSerializerContext"),
 * checked: each route names the types of its bodies, and each of those names must be registered.
 */
import type { DeclaredRoute } from '#given';

/**
 * One line per problem, each naming the route, the type and the fix; empty when every type is registered.
 *
 * TODO(lab 02, step 4): for each route, its `accepts` type and each of its `returns` types must be in
 * `registered`. For one that is not, say e.g. "POST /todos accepts TodoDraft, which is not registered: add
 * TodoDraft (its schema) to the registry in src/registry.ts, then run `pnpm generate`". A route that
 * declares no `returns` at all is a problem too.
 */
export function unregisteredTypes(routes: readonly DeclaredRoute[], registered: Iterable<string>): string[] {
  throw new Error('TODO(lab 02, step 4): write unregisteredTypes() in src/check-registry.ts');
}

/** Throws one error listing every problem unregisteredTypes() finds. */
export function assertRegistered(routes: readonly DeclaredRoute[], registered: Iterable<string>): void {
  const problems = unregisteredTypes(routes, registered);
  if (problems.length) throw new Error(`Unregistered JSON types:\n  ${problems.join('\n  ')}`);
}
