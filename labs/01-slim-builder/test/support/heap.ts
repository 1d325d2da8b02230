/**
 * Heap bytes per request that an app adds to a bare fetch round trip. Through `app.fetch`, undici's Request
 * and Response (with its body stream) cost ~16 KB whatever the app does, so each measurement subtracts a
 * floor measured in the same process: `new Request(url)`, `new Response(<the same body>, <JSON headers>)`
 * and reading it as text. What is left is what the app itself allocates per request.
 */
import type { HotPathApp } from '@hotpath/api';
import { measureAsyncBytesPerOp } from '@hotpath/harness';

const ORIGIN = 'http://127.0.0.1';
const JSON_INIT: ResponseInit = { status: 200, headers: { 'content-type': 'application/json' } };

export interface RequestHeap {
  /** Heap bytes per GET through app.fetch, the body read as text. */
  total: number;
  /** The same round trip without an app. */
  floor: number;
  /** total - floor: what the app adds. */
  app: number;
}

/** Measures GET `path` on `app`, whose answer is `body`, against the floor for that body. */
export async function heapPerGet(app: HotPathApp, path: string, body: string): Promise<RequestHeap> {
  const floor = await measureAsyncBytesPerOp(async () => {
    const request = new Request(ORIGIN + path);
    return [request, await new Response(body, JSON_INIT).text()];
  });
  const total = await measureAsyncBytesPerOp(async () => (await app.fetch(new Request(ORIGIN + path))).text());
  return { total: total.bytesPerOp, floor: floor.bytesPerOp, app: total.bytesPerOp - floor.bytesPerOp };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
