/**
 * The load generator process: runs autocannon on request from the harness (over IPC) and answers with a
 * summary. It runs in its own process so it can be pinned to a different CPU than the server
 * (`taskset -c 1 node load-worker.mjs`). Plain JavaScript: it starts fast and needs no loader.
 *
 * Latency percentiles come from every response's own timing (autocannon's 'response' event gives it in ms
 * with a fractional part), sorted at the end; autocannon's built-in percentiles are whole milliseconds.
 *
 * Request:  { cmd: 'run', id, url, method, path, headers, bodyBase64?, connections, durationSec }
 * Reply:    { id, result } or { id, error }
 */
import autocannon from 'autocannon';

function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)));
  return sorted[rank - 1];
}

function run(message) {
  return new Promise((resolve, reject) => {
    let times = new Float64Array(1 << 16);
    let count = 0;
    const statusCounts = {};
    const t0 = process.hrtime.bigint();
    const instance = autocannon(
      {
        url: message.url + message.path,
        method: message.method,
        headers: message.headers,
        body: message.bodyBase64 ? Buffer.from(message.bodyBase64, 'base64') : undefined,
        connections: message.connections,
        duration: message.durationSec,
        // Check the stop flag every 50 ms instead of every second, so short rounds end on time.
        sampleInt: 50,
        timeout: 10,
      },
      (error, result) => {
        const elapsedSec = Number(process.hrtime.bigint() - t0) / 1e9;
        if (error) return reject(error);
        const sorted = times.subarray(0, count).sort();
        let sum = 0;
        for (let i = 0; i < count; i++) sum += sorted[i];
        resolve({
          responses: count,
          durationSec: elapsedSec,
          rps: count / elapsedSec,
          latencyMs: {
            mean: count ? sum / count : NaN,
            min: count ? sorted[0] : NaN,
            p50: percentile(sorted, 0.5),
            p90: percentile(sorted, 0.9),
            p99: percentile(sorted, 0.99),
            p999: percentile(sorted, 0.999),
            max: count ? sorted[count - 1] : NaN,
          },
          statusCodes: statusCounts,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx: result.non2xx,
          mismatches: result.mismatches,
          autocannon: {
            requestsAverage: result.requests.average,
            latencyP99Ms: result.latency.p99,
            totalCompletedRequests: result.requests.total,
            durationSec: result.duration,
          },
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (count === times.length) {
        const bigger = new Float64Array(times.length * 2);
        bigger.set(times);
        times = bigger;
      }
      times[count++] = responseTime;
      statusCounts[statusCode] = (statusCounts[statusCode] ?? 0) + 1;
    });
  });
}

process.on('message', async (message) => {
  if (message?.cmd !== 'run') return;
  try {
    process.send({ id: message.id, result: await run(message) });
  } catch (error) {
    process.send({ id: message.id, error: String(error?.stack ?? error) });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ ready: true, pid: process.pid });
