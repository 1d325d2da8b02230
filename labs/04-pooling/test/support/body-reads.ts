/**
 * Counting the calls of a request's body methods — `arrayBuffer()`, `text()`, `json()`, `blob()`, `bytes()`,
 * `formData()` — for test/no-copy.test.ts. Each of them buffers the whole body in new memory. The spy wraps
 * them on the prototypes of `Request` (Requests made in process, and clones) and, through `watch(request)`, on each
 * request object that reaches the app: @hono/node-server's request has its own, non-writable versions on its
 * prototype that read the IncomingMessage directly, so they are shadowed by own properties of the instance
 * (Hono's `c.req.arrayBuffer()` calls `c.req.raw.arrayBuffer()`, so that is counted there). A call made from
 * inside another counted call (`bytes()` calling `arrayBuffer()`, say) counts once.
 */

export const BODY_METHODS = ['arrayBuffer', 'text', 'json', 'blob', 'bytes', 'formData'] as const;

export interface BodyReadSpy {
  /** Wraps the body methods on this request object itself. */
  watch(request: Request): void;
  /** Calls of `method` seen so far. */
  count(method: string): number;
  /** 'none', or each method called with its count: "arrayBuffer() ×3, text() ×1". */
  report(): string;
  /** Puts the Request prototypes back (the watched requests keep their wrappers; they are done with). */
  restore(): void;
}

type AnyMethod = (this: unknown, ...args: unknown[]) => unknown;

export function bodyReadSpy(): BodyReadSpy {
  const calls = new Map<string, number>();
  let depth = 0;
  const wrap = (name: string, original: AnyMethod): AnyMethod =>
    function (this: unknown, ...args: unknown[]) {
      if (depth === 0) calls.set(name, (calls.get(name) ?? 0) + 1);
      depth++;
      try {
        return original.apply(this, args);
      } finally {
        depth--;
      }
    };

  // Every prototype of the global Request: once @hono/node-server has served, `Request` is its subclass of
  // Node's own Request, whose prototype holds the methods.
  const restores: (() => void)[] = [];
  for (let proto: object | null = Request.prototype; proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    const target = proto;
    for (const name of BODY_METHODS) {
      const descriptor = Object.getOwnPropertyDescriptor(target, name);
      if (!descriptor || typeof descriptor.value !== 'function' || !descriptor.configurable) continue;
      Object.defineProperty(target, name, { ...descriptor, value: wrap(name, descriptor.value as AnyMethod) });
      restores.push(() => Object.defineProperty(target, name, descriptor));
    }
  }

  return {
    watch(request) {
      for (const name of BODY_METHODS) {
        const original = (request as unknown as Record<string, unknown>)[name];
        if (typeof original !== 'function') continue;
        Object.defineProperty(request, name, { value: wrap(name, original as AnyMethod), configurable: true, writable: true });
      }
    },
    count: (method) => calls.get(method) ?? 0,
    report() {
      const seen = [...calls].filter(([, n]) => n > 0);
      return seen.length === 0 ? 'none' : seen.map(([name, n]) => `${name}() ×${n}`).join(', ');
    },
    restore() {
      for (const undo of restores.splice(0)) undo();
    },
  };
}
