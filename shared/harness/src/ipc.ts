/**
 * Request/reply over a child process's IPC channel: each message gets an id, the reply carrying the same id
 * resolves it. Used to drive the in-server probe and the load worker.
 */
// biome-ignore-all lint/suspicious/noExplicitAny: replies are whatever the child sends; callers narrow them
import type { ChildProcess } from 'node:child_process';

export type IpcCall = (payload: Record<string, unknown>, timeoutMs?: number) => Promise<any>;

/** A request/reply channel over a child's IPC, matching replies by id. */
export function ipc(child: ChildProcess): IpcCall {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  child.on('message', (message: any) => {
    const waiter = message && typeof message.id === 'number' ? pending.get(message.id) : undefined;
    if (!waiter) return;
    pending.delete(message.id);
    if (message.error || message.hotpath === 'probe:error') waiter.reject(new Error(message.error ?? message.message));
    else waiter.resolve(message);
  });
  child.once('exit', () => {
    for (const w of pending.values()) w.reject(new Error('process exited'));
    pending.clear();
  });
  return (payload: Record<string, unknown>, timeoutMs = 120_000): Promise<any> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new Error(`no answer to ${String(payload.cmd ?? payload.hotpath)} within ${timeoutMs} ms`));
      }, timeoutMs);
      pending.set(id, {
        resolve: (v) => (clearTimeout(timer), resolve(v)),
        reject: (e) => (clearTimeout(timer), reject(e)),
      });
      child.send({ ...payload, id });
    });
}
