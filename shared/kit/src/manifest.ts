/**
 * The lab manifest: the one list of Hot Path's labs, in order — number, slug, title, what each teaches, the
 * seed idea it maps, its progressive hints and its checkpoint targets. The `pnpm lab` CLI, the starting-code
 * proof, the launcher and the site read it; nothing else repeats this list (lab READMEs point at
 * `pnpm lab hint NN` instead of copying the hints).
 */

export interface LabEntry {
  number: number;
  /** Folder name under labs/ and solutions/. */
  slug: string;
  title: string;
  /** One line: what the learner builds. */
  teaches: string;
  /** The .NET idea it maps to, and the seed articles it comes from. */
  seedIdea: string;
  /** `ready` labs have starting code and tests; `planned` ones are placeholders serving the previous stage. */
  status: 'ready' | 'planned';
  /** Progressive hints, mildest first: `pnpm lab hint NN` shows the next unseen one. Markdown. */
  hints: readonly Hint[];
  /**
   * What the checkpoint must reach, each a ratio to the lab's baseline (lab 00 unless `baseline` says
   * otherwise) measured in the same run, to a peer's figure (`vs`), or the package's own figure
   * (`absolute`). Empty: no target.
   */
  targets: readonly CheckpointTarget[];
  /**
   * Slug of the solution package the checkpoint compares with (`solutions/<baseline>`), normally the stage
   * before. Absent: '00-baseline', lab 00's naive API. Read it through `baselineOf(lab)`.
   */
  baseline?: string;
  /** The honest time estimate; the README's "**Time:**" line says the same (a test keeps them equal). */
  estimate?: TimeEstimate;
}

export interface Hint {
  title: string;
  body: string;
  /** The README step this hint helps with (`pnpm lab hint NN --step K`); absent: a hint for the whole lab. */
  step?: number;
}

/**
 * How long a lab takes a competent TypeScript developer who has not seen the reference, as the README
 * states it ("~45 min"): the core (what "done" means) and, apart, the going-further part.
 */
export interface TimeEstimate {
  core: string;
  further?: string;
}

/**
 * Metrics of the load and startup sections (a Ratio's `metric` in @hotpath/harness, which imports this type). `appHeapBytesPerRequest`
 * and `appArrayBufferBytesPerRequest` are a scenario's figure minus the same server's GET /health figure (the
 * app's own share); `arrayBufferBytesPerRequest` is the ArrayBuffer bytes (Buffer contents) allocated per
 * request. App figures are differences, often near 0: judge them with `absolute: true` rather than as ratios.
 */
export type LoadMetric =
  | 'rps'
  | 'p50'
  | 'p99'
  | 'heapBytesPerRequest'
  | 'gcPer10k'
  | 'appHeapBytesPerRequest'
  | 'arrayBufferBytesPerRequest'
  | 'appArrayBufferBytesPerRequest'
  | 'startupMs'
  | 'peakRss';
/** Metrics of the micro section: time and heap bytes per call of a micro task. */
export type MicroMetric = 'nsPerOp' | 'bytesPerOp';

/**
 * A figure of the checkpoint (a Ratio of @hotpath/harness: scenario + metric) against the lab's baseline
 * (lab 00 unless the lab's `baseline` says otherwise), against a peer's figure with `vs`, or on its own with
 * `absolute: true`.
 */
export interface CheckpointTarget {
  /** Load scenario name, e.g. 'GET /todos'; 'startup'; or a micro task name of the lab's checkpoint.ts. */
  scenario: string;
  metric: LoadMetric | MicroMetric;
  /**
   * A peer's name (a `peers` entry of the lab's checkpoint definition, e.g. 'fast-json-stringify'): the
   * judged ratio is then this package's figure / that peer's figure in the same run, not / the baseline's.
   * Micro metrics, or start-up metrics against a peer the start-up section measures (lab 05's raw node:http).
   */
  vs?: string;
  /**
   * Judge the package's own figure, in the metric's unit (B, µs, req/s, …), not a ratio: `{ scenario:
   * 'POST /ingest/v1 1KB', metric: 'appHeapBytesPerRequest', absolute: true, atMost: 512 }` is "at most 512
   * heap bytes per request of the app's own". Not with `vs`.
   */
  absolute?: boolean;
  /** The ratio (this / the baseline, or this / the peer with `vs`; the figure itself with `absolute`) must be at least this… */
  atLeast?: number;
  /** …or at most this. */
  atMost?: number;
  /** How a person says it: "≥ 5× lab 00's requests/s on GET /todos". */
  label: string;
}

export const labs: readonly LabEntry[] = [
  {
    number: 0,
    slug: '00-baseline',
    title: 'Baseline: measure the naive API first',
    teaches: 'Measure bytes per operation, run a load benchmark and read a CPU profile of a controller-style API.',
    seedIdea: 'MVC controllers, reflection-based JSON and eager logging (seeds 000, 004)',
    status: 'ready',
    hints: [
      {
        title: 'My probe reports thousands of bytes for () => 0',
        body: `The first windows include compilation: V8 optimises your loop on a background thread and allocates when it
installs the code. Run whole windows untimed first (at least five, for at least 100 ms). Then measure an
empty window (two heap readings, nothing between them) and subtract it.`,
      },
      {
        title: 'The big-array test gives a figure far too small, or negative',
        body: `A GC ran inside your window and freed most of what you allocated. Start a \`new GCProfiler()\` before the
window and, after it, add up \`beforeGC.heapStatistics.usedHeapSize - afterGC.heapStatistics.usedHeapSize\` for
every entry of \`profiler.stop().statistics\`.`,
      },
      {
        title: 'My guarded debug line still allocates',
        body: `Any argument you build before the check costs: the template literal, the \`JSON.stringify\`, even an object
of fields. Put the whole call inside \`if (log.isEnabled('debug')) { … }\`.`,
      },
      {
        title: 'DevTools shows mostly "(program)" and node internals',
        body: `Use the Bottom-Up view, sort by *Self Time*, and look at the URL column: paths under
\`node_modules/.pnpm/<package>@<version>/\` tell you which dependency a function belongs to.`,
      },
    ],
    targets: [],
  },
  {
    number: 1,
    slug: '01-slim-builder',
    title: 'Slim builder: a minimal Hono app',
    teaches: 'Register routes explicitly, drop decorators and reflection, build constant responses once.',
    seedIdea: 'WebApplication.CreateSlimBuilder and minimal APIs (seeds 001, 002, 004)',
    status: 'ready',
    hints: [
      {
        title: 'Where do handlers get the store and the sink without a closure or a class?',
        body: `From \`c.env\`. Hono's \`fetch(request, env)\` passes its second argument to every handler as \`c.env\`,
so \`createApp()\` builds \`state\` once and returns \`fetch: (request) => router.fetch(request, state)\`. Type
the router as \`new Hono<AppEnv>()\` (\`AppEnv\` is in \`routes.ts\`) and \`c.env.todos\` is typed too.`,
      },
      {
        title: 'My disabled log call still allocates',
        body: `Look for anything evaluated before the level check: \`[a, b, c]\`, \`{ time: Date.now(), … }\`, a template
literal, \`fields.forEach(…)\` with a closure. The first line of \`emit\` should be
\`if (LOG_LEVEL_RANK[level] < log.threshold) return;\` — better still, compute the rank once in
\`defineLogEvent\` and compare two numbers.`,
      },
      {
        title: 'GET /todos is over budget',
        body: `\`JSON.stringify([...store.values()])\` per request builds an array and a ~8.6 KB string every time. Keep the
string and the \`store.version\` it was built from; rebuild only when the version differs. The cache belongs
to one app (put it in the state), because each app has its own store.`,
      },
      {
        title: 'The contract fails on a POST after I replaced the app',
        body: `Check the order: \`isJsonContentType(c.req.header('content-type'))\` before reading anything, then
\`readBodyWithin(c.req.raw, BODY_LIMIT_BYTES)\`; an empty body is \`invalid_json\`; decode with
\`new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })\` created once at module level; \`JSON.parse\` in a
\`try\`; then \`jsonTextDepth(text) > MAX_JSON_DEPTH\`. The failing contract test names the case and what it
expected.`,
      },
      {
        title: 'module-graph says @hotpath/baseline is still bundled, but I removed the re-export',
        body: `The message shows the import chain. A value import from \`@hotpath/baseline/…\` anywhere in \`src/\` (a DTO
class, the old logger, an error helper) pulls that module and what it imports into the bundle; type-only
imports are dropped. Import types, messages and helpers from \`@hotpath/api\` instead.`,
      },
    ],
    targets: [
      { scenario: 'GET /todos', metric: 'rps', atLeast: 5, label: "≥ 5× lab 00's requests/s on GET /todos" },
      { scenario: 'POST /ingest/v1 1KB', metric: 'rps', atLeast: 5, label: "≥ 5× lab 00's requests/s on POST /ingest/v1" },
      { scenario: 'GET /todos', metric: 'heapBytesPerRequest', atMost: 0.25, label: "≤ ¼ of lab 00's heap bytes per request on GET /todos" },
      { scenario: 'POST /ingest/v1 1KB', metric: 'heapBytesPerRequest', atMost: 0.25, label: "≤ ¼ of lab 00's heap bytes per request on POST /ingest/v1" },
    ],
  },
  {
    number: 2,
    slug: '02-generated-serializers',
    title: 'Generated serializers: code generation instead of reflection',
    teaches: 'Generate serializers and validators from schemas at build time, and register every type that crosses HTTP.',
    seedIdea: 'System.Text.Json source generation, JsonSerializerContext (seeds 001-003)',
    status: 'ready',
    baseline: '01-slim-builder',
    hints: [
      {
        title: 'What does emitSerializer get, and what must it add?',
        body: `\`type.node\` is the schema read into a tree: for \`Todo\` an \`object\` node whose \`properties\` are
\`{ key: 'id', required: true, node: { kind: 'integer', … } }\` and so on. Build the function's source as a
string — \`export function serializeTodo(value: Todo): string { … }\`, with the names from \`type.serializer\`
and \`ctx.type(type.node)\` — and hand it to \`ctx.add(source)\`.
Run \`pnpm --dir labs/02-generated-serializers generate\` and read \`src/generated/serializers.ts\`: it is the
fastest way to see what you emitted.`,
      },
      {
        title: 'How do I keep the fixed text out of the code?',
        body: `Walk the object and collect *parts*: fixed text (\`{"id":\`, \`,"title":\`, \`}\`) and values (\`number(value.id)\`,
\`quote(value.title)\`). Merge neighbouring texts, give each one a name with \`ctx.constant('Todo title', ',"title":')\`
(it returns \`TODO_TITLE\`), and join everything with \` + \`. A boolean can swallow the texts on both sides:
\`(value.isComplete ? TODO_IS_COMPLETE_TRUE : TODO_IS_COMPLETE_FALSE)\`, where the constants are
\`',"isComplete":true}'\` and \`',"isComplete":false}'\`.`,
      },
      {
        title: 'The property test finds a string my serializer writes differently',
        body: `\`JSON.stringify\` escapes \`"\`, \`\\\`, every control character below U+0020 and every *lone* surrogate (as
\`\\udXXX\`). Don't reimplement that: in \`quote()\` test the string once with
\`/[\\u0000-\\u001f"\\\\\\ud800-\\udfff]/\` and, when it matches, return \`JSON.stringify(value)\` — exact, and rare.
Otherwise \`'"' + value + '"'\`. Numbers: \`Number.isFinite(n) ? '' + n : 'null'\` (that is \`number()\`).`,
      },
      {
        title: 'CreateTodo comes out with a stray comma, or none',
        body: `With optional properties the text is built by statements: \`let json = '{"title":' + quote(value.title);\`
then \`if (value.isComplete !== undefined) json += …;\`. A property after at least one required property always
starts with \`,\`. Only when every property before it is optional do you need to look at run time
(\`json.length > 1\` means something was written). \`{ isComplete: undefined }\` must leave the key out.`,
      },
      {
        title: "My validator's path or verdict differs from TypeBox's",
        body: `Check in the schema's order, and stop at the first problem. For each property: read it into a variable;
\`undefined\` is "is required" when required, and skips the checks when optional; then the kind
(\`typeof\`, \`Number.isInteger\`, \`isRecord\`, \`Array.isArray\`), then the bounds. Keep the path as you
descend: a fixed text (\`/error/code\`) or, inside an array, the loop variable:
\`'/items/' + i0 + '/qty must be an integer'\` — built only on the failing path.`,
      },
      {
        title: 'JSON.stringify still runs while serving',
        body: `Every body must come from the generated code: the 201 and 200 bodies (\`jsonContext.Todo.serialize\`), the
202 (\`jsonContext.IngestAccepted.serialize\`), the \`GET /todos\` cache (\`createTodoListCache(todos,
jsonContext.TodoList.serialize)\`) and the error bodies whose message depends on the request: write an
\`errorResponse(code, message)\` on \`jsonContext.ErrorBody.serialize\` and pass it to lab 01's
\`readJson(c, errorResponse)\`.`,
      },
    ],
    targets: [
      { scenario: 'one Todo → JSON text', metric: 'nsPerOp', atMost: 1 / 3, label: "≥ 3× JSON.stringify's speed serializing one Todo" },
      { scenario: '100 Todos → JSON text', metric: 'nsPerOp', atMost: 1 / 1.8, label: "≥ 1.8× JSON.stringify's speed serializing 100 Todos" },
      { scenario: 'one Todo → JSON text', metric: 'nsPerOp', vs: 'fast-json-stringify', atMost: 1, label: 'faster than fast-json-stringify serializing one Todo' },
      { scenario: '100 Todos → JSON text', metric: 'nsPerOp', vs: 'fast-json-stringify', atMost: 1, label: 'faster than fast-json-stringify serializing 100 Todos' },
    ],
  },
  {
    number: 3,
    slug: '03-byte-parsing',
    title: 'Byte-level parsing: a Utf8JsonReader for Node',
    teaches: 'Read the fields you need straight from the body bytes and validate the rest without building objects.',
    seedIdea: 'Utf8JsonReader and "x"u8 literals (seeds 000, 004)',
    status: 'ready',
    baseline: '02-generated-serializers',
    hints: [
      {
        title: 'Where do I start?',
        body: `Read the reference first: \`shared/api/src/json-reference-reader.ts\` is the whole grammar, one small
function per rule, and the header of \`shared/api/src/json-bytes.ts\` says which error each kind of bad input
gets, at which byte. Then make \`read()\` return the tokens of \`{}\`, \`[]\` and \`"x"\`, and grow it state by
state: \`test/reader.test.ts\` checks examples, \`test/agreement.test.ts\` compares your stream with the
reference's on thousands of generated documents and prints the first one that differs.`,
      },
      {
        title: 'My token stream is right, but the spans are off by one',
        body: `A string's or a property name's span is the text *between* the quotes: \`tokenStart\` is the byte after
the opening quote, \`tokenEnd\` the closing quote itself, and reading goes on after it
(\`token(type, i + 1, close, close + 1)\`). Containers span their bracket; EndOfDocument is the empty span at
the document's length.`,
      },
      {
        title: 'The agreement test finds a different error, or the same error at another byte',
        body: `The first byte that cannot be accepted decides. Bytes that run out are \`UnexpectedEnd\` at the
document's length, never at the last byte. \`01\` is \`InvalidNumber\` at the \`1\` (checked while reading the
number), but \`1x\` is a Number token followed by \`UnexpectedByte\` (or \`TrailingData\` at the top level) at
the \`x\`. An ill-formed UTF-8 sequence is reported at its first byte, even when the document ends inside it.`,
      },
      {
        title: 'textEquals fails on escaped keys',
        body: `\`"item\\u0043ount"\` is \`itemCount\`: walk the text, and at each backslash decode one escape and
compare the bytes it stands for with \`expected[k]\`. \`\\uXXXX\` is a UTF-16 code unit: below 0x80 it is one
byte, below 0x800 two, otherwise three — unless it is a high surrogate followed by \`\\u\` and a low one: then
the pair is one code point of four bytes. A lone surrogate can never equal valid UTF-8: answer false.`,
      },
      {
        title: 'numberValue disagrees with JSON.parse on a big number',
        body: `\`value = value * 10 + digit\` is exact while the value stays below 2^53, and with 16 digits it is still
correctly rounded (\`value * 10\` is exact there; only the last addition rounds). From 17 digits on, and for
any fraction or exponent, use \`Number()\` on the token's text — it is rare, and exactly JSON.parse's answer.
\`9007199254740993\` must come out as 9007199254740992, which the validator then refuses as too large.`,
      },
      {
        title: 'The allocation test says my reader allocates',
        body: `Look for anything made per call: \`bytes.subarray()\` or \`slice()\` (a new view or copy), a
\`TextDecoder\`, \`String.fromCharCode\`, a \`{ type, start, end }\` object or an array per token, a closure,
\`Number(string)\` on the common path, a \`new JsonReader()\` or a fields object per body. Keep one reader and
one fields record at module level and \`reset()\` them; return numbers, keep offsets in fields.`,
      },
      {
        title: 'My reader is correct but not much faster than JSON.parse',
        body: `Most of an ingest body is skipped, so make \`skip()\` cheap: instead of returning to the caller at every
token, let the same loop run until the depth is back outside the skipped container, recording nothing on
the way. Scan the plain bytes of a string in a tight loop that stops only at \`"\`, \`\\\` or a byte below 0x20;
check the whole document's UTF-8 once with \`isUtf8(bytes)\` from \`node:buffer\` (native, SIMD) so that loop
need not decode multi-byte sequences, and fall back to checking them one by one only when it says no.`,
      },
    ],
    targets: [
      { scenario: 'read 64 KB body, fields last', metric: 'nsPerOp', atMost: 1 / 3, label: "≥ 3× lab 02's TextDecoder + JSON.parse reading the 64 KB body, validating all of it" },
      { scenario: 'read 64 KB body, fields last', metric: 'bytesPerOp', atMost: 0.001, label: 'no heap allocation reading the 64 KB body (≤ 0.1 % of lab 02\'s)' },
      { scenario: 'POST /ingest/v1 64KB', metric: 'rps', atLeast: 2, label: "≥ 2× lab 02's requests/s on POST /ingest/v1 with the 64 KB body" },
    ],
  },
  {
    number: 4,
    slug: '04-pooling',
    title: 'Pooling: reuse buffers, return them in finally',
    teaches: 'Stream bodies into pooled slabs, return them on every path, and measure whether pooling wins.',
    seedIdea: 'ArrayPool, thread-local pools and AdvanceTo in finally (seeds 000, 004)',
    status: 'ready',
    baseline: '03-byte-parsing',
    hints: [
      {
        title: 'Where do I start?',
        body: `With \`src/pool.ts\`: \`test/pool.test.ts\` describes the pool case by case. The free list is the array
\`free\` with \`freeCount\` as its top: \`rent()\` takes \`free[--freeCount]\`, \`give()\` puts the slab at
\`free[freeCount++]\`. Keep counters as private fields (\`rented\`, \`returned\`, \`misses\`, …) and compute
\`outstanding\` as \`rented - returned\` rather than keeping a third counter in step.`,
      },
      {
        title: 'How does give() know a slab is already free?',
        body: `Compare it with the slabs on the free list: \`for (let i = 0; i < freeCount; i++) if (free[i] === buffer) throw …\`.
At most \`maxRetained\` comparisons — tens of nanoseconds — for a bug that would otherwise hand one slab to
two requests at once. Only a buffer of exactly \`slabSize\` bytes (\`byteOffset\` 0, its own ArrayBuffer) can
be a slab; anything else that comes back is an oversized buffer: count it and let it go.`,
      },
      {
        title: 'readNodeBody never resolves when the client goes away',
        body: `An aborted request emits 'close' without 'end' before it. Resolve Aborted from your 'close' listener
when \`incoming.readableEnded\` is false (and Complete when it is true: 'close' also follows a normal 'end'). And
remove all three listeners before resolving, on every path — a listener left behind keeps the PooledBody
(and its slab) reachable from the request.`,
      },
      {
        title: 'The handler passes in process but the server test leaks buffers',
        body: `In process (\`app.fetch\`) there is no Node request, so \`readWebBody\` runs; over a socket it is
\`readNodeBody\`, and a client can really disconnect. Check that \`nodeRequest()\` is called before the first
\`await\` (after it, it is undefined), that every \`return\` after \`rentBody()\` is inside the \`try\`, and that
the \`finally\` calls \`body.release()\`.`,
      },
      {
        title: 'The bleed test says a short body got another answer after a long one',
        body: `Your reader saw bytes past this request's end: the slab still holds the previous body there. Pass
\`body.view()\` (exactly \`length\` bytes) to \`readIngest\`, never \`body.buffer\`. That bounded view is the
reason the kit does not zero slabs on return: nothing past \`length\` is ever read, so there is nothing to
wipe — and a 64 KiB \`fill(0)\` per request would cost more than the allocation it replaces.`,
      },
      {
        title: 'offer() still allocates',
        body: `An object per event (\`{ itemCount, timestamp }\`) and an array that grows are what lab 03's queue does.
Allocate two \`Float64Array(capacity)\` in the constructor; \`offer()\` writes
\`itemCounts[slot] = itemCount; timestamps[slot] = timestamp\` with \`slot = head + count\` (minus capacity when
it passes the end), and \`consume()\` reads at \`head\` and moves it on, wrapping to 0.`,
      },
    ],
    targets: [
      { scenario: 'POST /ingest/v1 64KB', metric: 'arrayBufferBytesPerRequest', atMost: 0.5, label: "≤ ½ of lab 03's ArrayBuffer bytes per request on POST /ingest/v1 with the 64 KB body" },
      { scenario: 'POST /ingest/v1 1KB', metric: 'appArrayBufferBytesPerRequest', atMost: 1100, absolute: true, label: 'no ArrayBuffer per POST /ingest/v1 (1 KB body) beyond the socket\'s own 1 KB chunk: ≤ 1.1 KB' },
      { scenario: 'POST /ingest/v1 64KB', metric: 'gcPer10k', atMost: 0.9, label: "≤ 0.9× lab 03's GCs per 10k requests on POST /ingest/v1 with the 64 KB body" },
      { scenario: 'POST /ingest/v1 1KB', metric: 'p99', atMost: 1.1, label: "p99 no worse than lab 03's (within 10 %) on POST /ingest/v1 with the 1 KB body" },
    ],
  },
  {
    number: 5,
    slug: '05-single-binary',
    title: 'Single binary: bundle, SEA, code cache and snapshot',
    teaches: 'Bundle with esbuild, build a Node single executable application, and measure startup honestly.',
    seedIdea: 'PublishAot, ReadyToRun, trimming, InvariantGlobalization (seeds 000-003)',
    status: 'ready',
    hints: [
      {
        title: 'Where do I start?',
        body: `With \`src/bundle.ts\` (step 1): \`test/bundle.test.ts\` bundles small fixtures first, so you see esbuild's
own errors quickly. Call \`build()\` exactly as the TODO lists, then read the metafile: its \`outputs\` are keyed
by the outfile *relative to \`absWorkingDir\`*, and each output's \`inputs\` give \`bytesInOutput\` per module.
\`pnpm build\` runs your bundle() and buildSea() for real; \`pnpm test\` runs the same build once and caches it.`,
      },
      {
        title: 'The fixture test says my bundle accepted require(name)',
        body: `Bundling for Node, esbuild leaves a \`require(name)\` it cannot follow in the output and only warns (with
\`logLevel: 'silent'\`, not even that): Node would resolve it from node_modules at runtime — which a single
executable in an empty folder does not have. Make those messages errors with \`logOverride\`: the ids are
\`unsupported-require-call\`, \`unsupported-dynamic-import\` and \`empty-import-meta\`. That is .NET's trim
warning, promoted to an error.`,
      },
      {
        title: 'postject fails, or the binary starts as a plain node',
        body: `Order matters: write the SEA config, run \`node --experimental-sea-config <config>\` (it writes the blob),
copy \`process.execPath\` to the binary's path and make it executable, then inject the blob with postject under
the resource name \`NODE_SEA_BLOB\` and \`--sentinel-fuse NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2\`
(the constants are given in \`@hotpath/kit/sea-given\`). A binary without the fuse flipped is just a copy of
node: it prints a REPL prompt or waits for a script.`,
      },
      {
        title: "The snapshot build dies with 'methods.toSorted is not a function'",
        body: `Something loaded \`node:http\` while the snapshot was being built: \`@hono/node-server\` does at its top,
and so do \`Request\`/\`Response\` (undici). On Node 20 the snapshot builder's context lacks
\`Array.prototype.toSorted\`, which \`node:http\` calls. Keep the top level of \`src/snapshot.ts\` to
\`createApp()\`, and import \`@hotpath/kit/serve\` inside the function you give
\`v8.startupSnapshot.setDeserializeMainFunction()\`: \`await import('@hotpath/kit/serve')\` — esbuild keeps a
literal dynamic import lazy in the bundle.`,
      },
      {
        title: 'The snapshot binary listens on the wrong port, or never drains the sink',
        body: `Whatever the top level of the snapshot entry computes is frozen into the blob on the build machine:
\`process.env.PORT\` read there is the builder's, and a timer started there does not survive
deserialization. Read the environment and start timers in the deserialize main function — which is what
\`runServer(app, …)\` does when you call it there.`,
      },
      {
        title: 'It works from dist/ but not copied alone into an empty folder',
        body: `Something is still read from disk at runtime: a \`readFileSync(new URL('./x.json', import.meta.url))\`, a
path built from \`__dirname\`, a package esbuild left external. Import data so esbuild inlines it (JSON
imports are bundled), or mark the file as a SEA asset. The test copies the binary alone into a temp folder
with no node_modules above it: exactly what a distroless image or a download does.`,
      },
      {
        title: 'The binary is ~100 MB and starts no faster than node dist/server.cjs',
        body: `Both are expected, and the lesson. A SEA is the node executable with your bundle appended: its size is
node's, and it starts exactly as node does. What made start-up 6× faster was leaving tsx, TypeScript
transforms and the reflection-heavy framework behind (lab 01 onwards) and bundling; the code cache saves a
few ms of compilation; the snapshot trades deserialization for evaluation. Read \`pnpm bench\`'s start-up rows
side by side, and the lab's README on what a single binary is really for: distribution.`,
      },
    ],
    targets: [
      { scenario: 'startup', metric: 'startupMs', atMost: 0.125, label: "≥ 8× faster to the first response than lab 00 under tsx (the code-cache binary)" },
      { scenario: 'startup', metric: 'peakRss', atMost: 0.55, label: "peak RSS at the first response ≤ 0.55× lab 00's under tsx" },
      { scenario: 'startup', metric: 'startupMs', vs: 'raw node:http', atMost: 1.5, label: 'time to the first response ≤ 1.5× a raw node:http hello server\'s' },
      { scenario: 'GET /todos', metric: 'rps', atLeast: 5, label: "≥ 5× lab 00's requests/s on GET /todos, served by the binary" },
    ],
  },
];

/**
 * The slug of the solution a lab's checkpoint compares with: its `baseline`, else the first lab of `list`
 * ('00-baseline' in this manifest; a fixture kit passes its own list).
 */
export function baselineOf(lab: Pick<LabEntry, 'baseline'>, list: readonly LabEntry[] = labs): string {
  return lab.baseline ?? list[0]?.slug ?? '00-baseline';
}

/** The lab `key` names: a number (1), its two digits ("01") or its slug ("01-slim-builder"). */
export function findLab(key: string | number, list: readonly LabEntry[] = labs): LabEntry | undefined {
  const n = typeof key === 'number' ? key : /^\d{1,2}$/.test(key) ? Number(key) : NaN;
  return list.find((lab) => lab.number === n || lab.slug === key);
}
