/**
 * The reference point of the startup measurement: a raw node:http server answering GET /health with
 * {"status":"ok"} on 127.0.0.1:$PORT — nothing but Node itself starting. "A SEA starts within 1.5× of raw
 * node:http" is measured against this. It prints the same "listening on" line as the lab's servers.
 */
const { createServer } = require('node:http');

const HEALTH = '{"status":"ok"}';
const server = createServer((req, res) => {
  res.writeHead(req.url === '/health' ? 200 : 404, { 'content-type': 'application/json' });
  res.end(req.url === '/health' ? HEALTH : '{"error":{"code":"not_found"}}');
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  console.log(`raw node:http listening on http://127.0.0.1:${server.address().port} (pid ${process.pid})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)));
