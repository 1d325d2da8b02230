/**
 * The registry rule of seeds 002 and 003 ("every type in an HTTP body must be in the JsonSerializerContext"),
 * checked: each route names the types of its bodies, and each of those names must be registered. The app
 * runs the check when it loads, so a route with an unregistered type never serves a request; lab 02's
 * registry test runs it on a route table with a type left out.
 */
import type { DeclaredRoute } from '#given';

/** One line per problem, each naming the route, the type and the fix; empty when every type is registered. */
export function unregisteredTypes(routes: readonly DeclaredRoute[], registered: Iterable<string>): string[] {
  const known = new Set(registered);
  const problems: string[] = [];
  const fix = (type: string) => `add ${type} (its schema) to the registry in src/registry.ts, then run \`pnpm generate\``;
  for (const route of routes) {
    const name = `${route.method} ${route.path}`;
    if (!route.returns || route.returns.length === 0) {
      problems.push(`${name} declares no response type: list every body it answers with in \`returns\` (registered types only)`);
    }
    if (route.accepts !== undefined && !known.has(route.accepts))
      problems.push(`${name} accepts ${route.accepts}, which is not registered: ${fix(route.accepts)}`);
    for (const type of route.returns ?? []) {
      if (!known.has(type)) problems.push(`${name} returns ${type}, which is not registered: ${fix(type)}`);
    }
  }
  return problems;
}

/** Throws one error listing every problem unregisteredTypes() finds. */
export function assertRegistered(routes: readonly DeclaredRoute[], registered: Iterable<string>): void {
  const problems = unregisteredTypes(routes, registered);
  if (problems.length) throw new Error(`Unregistered JSON types:\n  ${problems.join('\n  ')}`);
}
