/**
 * A small JSON Schema checker for the subset checkpoint.schema.json uses (type, const, enum, required,
 * properties, additionalProperties, items, minItems, maxItems, minimum, exclusiveMinimum, oneOf, local $ref), so the tests can
 * validate results without a schema library. Returns the list of problems, empty when valid.
 */
type Schema = Record<string, any>;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

export function checkSchema(value: unknown, schema: Schema, root: Schema = schema, path = '$'): string[] {
  if (schema.$ref) {
    const name = String(schema.$ref).replace('#/$defs/', '');
    const target = root.$defs?.[name];
    if (!target) return [`${path}: unknown $ref ${schema.$ref}`];
    return checkSchema(value, target, root, path);
  }
  const problems: string[] = [];
  if (schema.oneOf) {
    const passing = (schema.oneOf as Schema[]).filter((s) => checkSchema(value, s, root, path).length === 0).length;
    if (passing !== 1) problems.push(`${path}: matches ${passing} of oneOf, expected exactly 1`);
    return problems;
  }
  if ('const' in schema && value !== schema.const) problems.push(`${path}: expected ${JSON.stringify(schema.const)}`);
  if (schema.enum && !schema.enum.includes(value)) problems.push(`${path}: ${JSON.stringify(value)} not in ${JSON.stringify(schema.enum)}`);
  if (schema.type) {
    const types: string[] = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => matchesType(value, t))) return [...problems, `${path}: expected ${types.join('|')}, got ${typeOf(value)}`];
  }
  if (typeof value === 'number' && typeof schema.minimum === 'number' && value < schema.minimum) problems.push(`${path}: ${value} < ${schema.minimum}`);
  if (typeof value === 'number' && typeof schema.exclusiveMinimum === 'number' && value <= schema.exclusiveMinimum)
    problems.push(`${path}: ${value} ≤ ${schema.exclusiveMinimum}`);
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) problems.push(`${path}: fewer than ${schema.minItems} items`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) problems.push(`${path}: more than ${schema.maxItems} items`);
    if (schema.items) value.forEach((item, i) => problems.push(...checkSchema(item, schema.items, root, `${path}[${i}]`)));
  } else if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in obj)) problems.push(`${path}: missing ${key}`);
    for (const [key, child] of Object.entries(obj)) {
      const sub = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (sub) problems.push(...checkSchema(child, sub, root, `${path}.${key}`));
    }
  }
  return problems;
}
