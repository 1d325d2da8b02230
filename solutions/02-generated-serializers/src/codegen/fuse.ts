/**
 * A speed step the serializer and the writer emitters share (the reference's going further): each boolean
 * takes the fixed texts right before and after it, so it picks one of two whole constants —
 * `(value.isComplete ? TODO_IS_COMPLETE_TRUE : TODO_IS_COMPLETE_FALSE)` with `',"isComplete":true}'` and
 * `',"isComplete":false}'` — instead of adding three strings.
 */
import type { JsonPart } from '@hotpath/codegen';

/** A boolean with the texts around it: `whenTrue` and `whenFalse` are whole JSON texts. */
export type FusedPart = Exclude<JsonPart, { kind: 'boolean' }> | { kind: 'fused'; value: string; name: string; whenTrue: string; whenFalse: string };

/** `parts` with each boolean fused with the texts next to it. */
export function fuse(parts: readonly JsonPart[]): FusedPart[] {
  const out: FusedPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!; // i < parts.length
    if (part.kind !== 'boolean') {
      out.push(part);
      continue;
    }
    const previous = out[out.length - 1];
    const before = previous?.kind === 'text' ? (out.pop(), previous.text) : '';
    const next = parts[i + 1];
    const after = next?.kind === 'text' ? next.text : '';
    if (after) i++;
    out.push({ kind: 'fused', value: part.value, name: part.name, whenTrue: `${before}true${after}`, whenFalse: `${before}false${after}` });
  }
  return out;
}
