/**
 * A planted shortcut for registry.test.ts (never a real lab's code): a "generated" serializers module that
 * takes JSON.stringify under another name when it loads, so a spy installed on JSON.stringify afterwards
 * never sees it. The serving check must catch it anyway.
 */
const write = JSON.stringify;

export function serializeTodo(value: { id: number; title: string; isComplete: boolean }): string {
  return write(value);
}
