/**
 * Every count and bound of the hostile-client suite, in one place. Counts come from issue 18's findings and
 * acceptance lines; times are upper bounds (waits that end early when the server answers), never speed
 * assertions. Sized so the whole suite — six servers, one at a time — stays well under 3 minutes on a busy
 * 2-core machine.
 */

export const KIB = 1024;
export const MIB = 1024 * KIB;

// --- Slow bodies (issue 18, finding 1; acceptance: 1,000 connections grow lab 04/05 by < 64 MiB) ---------
/** Connections declaring a large body and sending almost none of it; scaled down when `ulimit -n` is lower. */
export const SLOW_BODY_CONNECTIONS = 1_000;
/** The Content-Length each declares: the API's 1 MiB body limit, so none is refused up front. */
export const SLOW_BODY_DECLARED_BYTES = 1 * MIB;
/** The body bytes each actually sends. */
export const SLOW_BODY_SENT_BYTES = 16;
/** Largest RSS growth of the server for SLOW_BODY_CONNECTIONS connections (scaled with the count). */
export const SLOW_BODY_GROWTH_LIMIT_BYTES = 64 * MIB;
/** Connects in flight at once while opening them. */
export const SLOW_BODY_CONNECT_CONCURRENCY = 100;
/** How long all of them are held after the last one wrote, with RSS sampled throughout. */
export const SLOW_BODY_HOLD_MS = 2_000;
/**
 * HOTPATH_BODY_GRACE_MS every server of the suite is started with (the kit's default is 5 s): after it, a
 * body arriving slower than the minimum data rate must be cut — 408 request_timeout or a close. Longer than
 * the hold plus the time the connections take to open, so RSS peaks before the first cut.
 */
export const BODY_GRACE_MS = 4_000;
/** RSS sampling period while the connections open and are held. */
export const RSS_SAMPLE_MS = 50;
/** Normal requests sent before RSS is first read, so start-up allocation is not counted as growth. */
export const WARMUP_REQUESTS = 50;
/** File descriptors kept spare in this process (the runner's own files, pipes, fetch's sockets). */
export const FD_MARGIN = 256;

// --- Slowloris and stalled headers (findings 4; deliver 1 and 4) ---------------------------------------
/** HOTPATH_HEADERS_TIMEOUT_MS every server of the suite is started with: the whole header block in 1 s. */
export const HEADERS_TIMEOUT_MS = 1_000;
/** Connections sending their header block one byte at a time. */
export const SLOWLORIS_CONNECTIONS = 200;
/** Milliseconds between two header bytes of a slowloris connection. */
export const SLOWLORIS_DRIP_MS = 200;
/**
 * How long after the headers timeout a slow connection may still be open (Node checks its timeouts
 * periodically, `connectionsCheckingInterval`; a busy machine adds delay).
 */
export const TIMEOUT_SLACK_MS = 4_000;
/** Milliseconds between two normal GET /health requests while slowloris connections are open. */
export const PROBE_EVERY_MS = 250;

// --- Aborted uploads (finding 2; acceptance: 1,000 aborted uploads, no error-level line on 01–05) -------
/** Uploads that send their head and part of the body, then drop the socket. */
export const ABORTED_UPLOADS = 1_000;
/** Uploads in flight at once. */
export const ABORT_CONCURRENCY = 50;
/** The Content-Length each declares, and how many of those bytes it sends before dropping the socket. */
export const ABORT_DECLARED_BYTES = 1_024;
export const ABORT_SENT_BYTES = 512;
/** Milliseconds between the partial body's write and the drop (so the app is reading the body by then). */
export const ABORT_AFTER_MS = 5;
/** Milliseconds to wait after the storm for the server to write whatever it logs about it. */
export const LOG_SETTLE_MS = 1_000;

// --- Header cases (finding 3) and protocol errors (finding 4) -----------------------------------------
/** Filler header lines before the one that matters: with Host, Node's `incoming.headers` keeps only 1,000. */
export const FILLER_HEADERS = 999;
/** Content-Length declared after the filler: twice the API's 1 MiB body limit. */
export const OVERSIZED_DECLARED_BYTES = 2 * MIB;
/** Size of the one oversized header value (Node's header block limit is 16 KiB). */
export const HUGE_HEADER_BYTES = 100 * KIB;
/** Bound on any single exchange that should be answered at once (no body to wait for). */
export const ANSWER_TIMEOUT_MS = 5_000;
/** Bound on one case of one server (each ends far sooner; this only stops a hung case). */
export const CASE_TIMEOUT_MS = 60_000;
/** Bound on a normal client's request while the server is under attack. */
export const NORMAL_CLIENT_TIMEOUT_MS = 10_000;
