/**
 * The lab manifest: the one list of Hot Path's labs, in order — number, slug, title, what each teaches, the
 * seed idea it maps, its progressive hints and its checkpoint targets. The `pnpm lab` CLI, the starting-code
 * proof, the launcher and the site read it; nothing else repeats this list (lab READMEs point at
 * `pnpm lab hint NN` instead of copying the hints).
 */
import { targetLabel } from './verdict-words.ts';

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
  /**
   * Whom the figure is compared with, as the words name it: "lab 00", "JSON.stringify", "a raw node:http hello
   * server". Not with `absolute`.
   */
  than?: string;
  /** What the figure is of, right after "faster"/"less peak RSS": "to the first response", "at the first response". */
  what?: string;
  /**
   * What is measured, as the words end: "on GET /todos", "serializing one Todo", "(the code-cache binary)"; for
   * an `absolute` target, "per POST /ingest/v1 (1 KB body)". Empty when `what` says it all.
   */
  on?: string;
  /** Words the target adds after its bar, never to a measured figure: ": the socket's own 1 KB chunk, nothing beyond it". */
  note?: string;
  /**
   * The target in words, in its own direction — "≥ 3× faster than JSON.stringify serializing one Todo", "≥ 5×
   * lab 00's requests/s on GET /todos" — derived from the metric, the bound, `than`, `on` and `note` by
   * verdict.ts (`targetLabel`; `targetWords` adds the runtimes it is for). Never written by hand: `defineTarget`.
   */
  readonly label: string;
  /**
   * The Node majors this target is for, both ends included: `{ max: 24 }` is Node 24 and earlier, `{ min: 26 }`
   * Node 26 and later. Absent: every runtime. A figure that moves with the runtime gets one target per range
   * (lab 02: V8 14, in Node 26, gave JSON.stringify a fast path); `pnpm lab bench` judges only the targets for
   * the runtime the run measured (bench.ts, `targetsFor`), and a Bun run only the targets without `node`.
   */
  node?: NodeMajors;
}

/** A range of Node major versions, both ends included; an end left out is open. */
export interface NodeMajors {
  min?: number;
  max?: number;
}

/** A target as the manifest writes it: everything but its label, which is derived from the rest. */
export type TargetSpec = Omit<CheckpointTarget, 'label'>;
/** A checkpoint target, its label derived from its wording (verdict.ts `targetLabel`): how the manifest writes each one. */
export const defineTarget = (spec: TargetSpec): CheckpointTarget => ({ ...spec, label: targetLabel(spec) });
const target = defineTarget;

/** Lab 02's targets: nsPerOp on one of its micro tasks, each said as "… on <what the task does>". */
const LAB02_TASKS = {
  'validate a POST /todos body': 'validating a POST /todos body',
  'one Todo → JSON text': 'serializing one Todo',
  '100 Todos → JSON text': 'serializing 100 Todos',
} as const;
const lab02Task = (scenario: keyof typeof LAB02_TASKS, spec: Omit<TargetSpec, 'scenario' | 'metric' | 'on'>): CheckpointTarget =>
  target({ scenario, metric: 'nsPerOp', ...spec, on: LAB02_TASKS[scenario] });

/** Lab 05's peer of that name: a raw node:http hello server, and how close to its start-up a binary must come. */
export const RAW_NODE_HTTP = 'raw node:http';
export const TARGET_VS_RAW_NODE_HTTP = 1.75;

export const labs: readonly LabEntry[] = [
  {
    number: 0,
    slug: '00-baseline',
    title: 'Baseline: measure the naive API first',
    teaches: 'Measure bytes per operation, run a load benchmark and read a CPU profile of a controller-style API.',
    seedIdea: 'MVC controllers, reflection-based JSON and eager logging (seeds 000, 004)',
    status: 'ready',
    estimate: { core: '~40 min' },
    hints: [
      {
        title: 'My probe reports thousands of bytes for () => 0',
        step: 1,
        body: `The first windows include compilation: V8 optimises your loop on a background thread and allocates when it
installs the code. Run whole windows untimed first (at least five, for at least 100 ms). Then measure an
empty window (two heap readings, nothing between them) and subtract it.`,
      },
      {
        title: 'The big-array test gives a figure far too small, or negative',
        step: 1,
        body: `A GC ran inside your window and freed most of what you allocated. Start a \`new GCProfiler()\` before the
window and, after it, add up \`beforeGC.heapStatistics.usedHeapSize - afterGC.heapStatistics.usedHeapSize\` for
every entry of \`profiler.stop().statistics\`.`,
      },
      {
        title: 'My guarded debug line still allocates',
        step: 2,
        body: `Any argument you build before the check costs: the template literal, the \`JSON.stringify\`, even an object
of fields. Put the whole call inside \`if (log.isEnabled('debug')) { … }\`.`,
      },
      {
        title: 'The profile is mostly node internals, "(native)" and "(program)"',
        step: 3,
        body: `Those are not npm packages: skip them, and skip \`@hotpath/*\` (the kit's own code) and the framework
(\`hono\`, \`@hono/node-server\`). \`pnpm lab profile 00\` already adds self time up by package. In Chrome
DevTools, use the Bottom-Up view, sort by *Self Time*, and read the URL column: a path under
\`node_modules/.pnpm/<package>@<version>/\` belongs to that package.`,
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
        title: 'My disabled log call still allocates',
        step: 1,
        body: `Look for anything evaluated before the level check: \`[a, b, c]\`, \`{ time: Date.now(), … }\`, a template
literal, \`fields.forEach(…)\` with a closure. The first line of \`emit\` should be
\`if (LOG_LEVEL_RANK[level] < log.threshold) return;\` — better still, compute the rank once in
\`defineLogEvent\` and compare two numbers.`,
      },
      {
        title: 'validateIngest or validateCreateTodo disagrees with lab 00 on a generated body',
        step: 2,
        body: `Read the counterexample the property test prints: the body, lab 00's message and your answer. The usual
misses: \`null\` counts as missing for \`title\`, \`timestamp\` and \`itemCount\` (\`required\`), but for
\`isComplete\` it is simply not a boolean; an array is not an object; \`"3"\` is a string, never a number;
\`1.5\` and \`Infinity\` (what \`JSON.parse\` makes of \`1e400\`) are not integers; above
\`Number.MAX_SAFE_INTEGER\` is \`tooLarge\`; \`timestamp\` is checked before \`itemCount\`; a title's length is
\`title.length\` (UTF-16 code units), untrimmed.`,
      },
      {
        title: 'Where do handlers get the store and the sink without a closure or a class?',
        step: 3,
        body: `From \`c.env\`: the app's state (\`AppState\` in \`routes.ts\`: \`todos\`, \`todoList\`, \`sink\`,
\`sinkRefusing\`, \`log\`). Type each handler's context as \`Ctx\` (\`Context<AppEnv>\`) and \`c.env.todos.find(id)\`,
\`c.env.todoList.body()\` and \`c.env.sink.offer(itemCount, timestamp)\` are typed. Nothing builds that state yet:
in step 4, \`createApp()\` builds it once per app and hands it over with \`router.fetch(request, state)\` —
Hono passes \`fetch\`'s second argument to every handler as \`c.env\`.`,
      },
      {
        title: 'responses.ts: what is built once, and what per call?',
        step: 3,
        body: `Once, at module level: \`OK\`, \`ACCEPTED\` and \`INTERNAL_ERROR\` from \`jsonInit()\`, the health body, and
\`notFound\`/\`sinkFull\` as \`fixedError(code, message)\` (the 404's words are yours: MESSAGES has none).
Per call: the \`Response\` itself, and \`created()\`'s init — its \`location\` differs for every todo, so it is
\`{ status: 201, headers: { 'content-type': 'application/json', location } }\`. \`createTodoListCache(store)\`
returns \`{ body() { … } }\` closing over \`json\` and the \`version\` it was built at (start at -1): when
\`store.version !== version\`, rebuild \`JSON.stringify([...store.values()])\` and remember the version.`,
      },
      {
        title: 'The contract fails on a POST after I replaced the app',
        step: 4,
        body: `The given \`readJson(c)\` already answers 415, 413 and 400 \`invalid_json\`: when it resolves to a \`Response\`,
return that (\`if (body instanceof Response) return body;\`) before anything else. Then a validator's string
is \`respond.errorResponse('validation_failed', message)\`; \`POST /todos\` answers 201 with a \`location\` of
\`/todos/<id>\` and \`JSON.stringify(todo)\`; \`POST /ingest/v1\` answers 202 with exactly
\`{"accepted":true,"itemCount":…,"timestamp":…}\` in that key order, or \`sinkFull()\` (503, Retry-After) when
\`c.env.sink.offer()\` returns false. The failing contract test names the case and what it expected.`,
      },
      {
        title: 'GET /todos is over budget',
        step: 4,
        body: `\`JSON.stringify([...store.values()])\` per request builds an array and a ~8.6 KB string every time. Keep the
string and the \`store.version\` it was built from; rebuild only when the version differs. The cache belongs
to one app (put it in the state), because each app has its own store.`,
      },
      {
        title: 'module-graph says @hotpath/baseline is still bundled, but I removed the re-export',
        step: 4,
        body: `The message shows the import chain. A value import from \`@hotpath/baseline/…\` anywhere in \`src/\` (a DTO
class, the old logger, an error helper) pulls that module and what it imports into the bundle; type-only
imports are dropped. Import types, messages and helpers from \`@hotpath/api\` instead.`,
      },
      {
        title: 'aborted-uploads: error-level lines, or no "request aborted" lines',
        step: 4,
        body: `Until your \`createApp()\` replaces the re-export, lab 00 answers, and it prints a stack trace per aborted
upload. Then every POST handler must read its body through the given \`readJson(c)\` (or \`readBodyBytes(c)\`), never
\`c.req.json()\` or \`c.req.arrayBuffer()\`: the given pipeline answers an upload the client cut off 400 and logs the
debug event \`request aborted\`, so it never reaches \`onError\`. What does reach \`onError\` is a bug: log it at
\`error\` with an event defined once — the reference's is
\`defineLogEvent('error', 'unexpected error', 'method', 'path', 'error')\`, called with \`c.req.method\`,
\`c.req.path\` and \`String(error)\` — then return \`internalError()\`.`,
      },
      {
        title: 'Going further: one sink-full warning per episode',
        body: `The test counts the warn lines: one per episode of refusals. Keep the change of state in
\`c.env.sinkRefusing\`: on a refused \`offer()\`, warn only when it was still false, then set it; on an accepted
one, clear it. Define the warning once, like the other events, at \`warn\` (the reference's:
\`defineLogEvent('warn', 'ingest sink full; refusing events until it drains', 'capacity')\`, called with
\`c.env.sink.capacity\`). A helper \`offer(state, event): boolean\` beside the handlers keeps the ingest handler
short; the reference's is the \`offer\` labs 02–04 are given.`,
      },
    ],
    estimate: { core: '~45 min', further: '~10 min' },
    targets: [
      target({ scenario: 'GET /todos', metric: 'rps', atLeast: 5, than: 'lab 00', on: 'on GET /todos' }),
      target({ scenario: 'POST /ingest/v1 1KB', metric: 'rps', atLeast: 5, than: 'lab 00', on: 'on POST /ingest/v1' }),
      target({ scenario: 'GET /todos', metric: 'heapBytesPerRequest', atMost: 1 / 4, than: 'lab 00', on: 'on GET /todos' }),
      target({ scenario: 'POST /ingest/v1 1KB', metric: 'heapBytesPerRequest', atMost: 1 / 4, than: 'lab 00', on: 'on POST /ingest/v1' }),
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
        title: 'What does registering a type mean?',
        step: 1,
        body: `Registering is one line in \`src/registry.ts\`'s \`registry\` object: the name the generated code will use,
and the schema it is generated from — \`TodoList: schemas.TodoList\`. The schemas are the properties of
\`schemas\` from \`@hotpath/api/schemas\` (\`schemas.Todo\`, \`schemas.CreateTodo\`, …); use the same names as
keys, the API's own type names: the step 2–4 tests look for \`serializeTodoList\`, \`validateCreateTodo\`
and \`jsonContext.IngestAccepted\`. Which seven: every type some route accepts or returns (the table in README
step 4). Nothing else to write: \`pnpm generate\` turns each entry into a serializer and a validator once your
emitters work.`,
      },
      {
        title: 'What does emitSerializer get, and what must it add?',
        step: 2,
        body: `\`type.node\` is the schema read into a tree, and \`jsonParts(type.node, 'value')\` cuts its JSON into parts:
for \`Todo\`, \`{ kind: 'text', text: '{"id":', name: 'Todo.id' }\`, \`{ kind: 'number', value: 'value.id' }\`, … Build
the function's source as a string — \`export function \${type.serializer}(value: \${ctx.type(type.node)}): string {\`,
the body from \`bodyOf(ctx, type.node)\`, then \`}\` — and hand it to \`ctx.add(source)\`.
Run \`pnpm --dir labs/02-generated-serializers generate\` and read \`src/generated/serializers.ts\`: it is the
fastest way to see what you emitted.`,
      },
      {
        title: 'What does each part become?',
        step: 2,
        body: `Map each part to a piece of code and join them with \` + \`: \`text\` → \`ctx.constant(part.name, part.text)\` (the
constant's name, e.g. \`TODO_ID\`); \`string\` → \`\${ctx.runtime('quote')}(\${part.value})\`; \`number\` → the same with
\`'number'\`; \`boolean\` → \`(\${part.value} ? 'true' : 'false')\`; \`optional\` → \`(\${part.value} !== undefined ?
\${expression(ctx, part.parts)} : '')\`; \`array\` → \`\${functionOf(ctx, part.node)}(\${part.value})\`. A \`switch
(part.kind)\` inside \`parts.map(…)\` reads well.`,
      },
      {
        title: 'The property test finds a string my serializer writes differently',
        step: 2,
        body: `\`JSON.stringify\` escapes \`"\`, \`\\\`, every control character below U+0020 and every *lone* surrogate (as
\`\\udXXX\`). Don't reimplement that: in \`quote()\` test the string once with
\`/[\\u0000-\\u001f"\\\\\\ud800-\\udfff]/\` and, when it matches, return \`JSON.stringify(value)\` — exact, rare, and
the one call the serving test allows. Otherwise \`'"' + value + '"'\`. Numbers go through \`number()\` (NaN → null).`,
      },
      {
        title: 'TodoList: how does the loop look?',
        step: 2,
        body: `For an array node, \`bodyOf\` returns statements instead of one expression:
\`if (value.length === 0) return '[]';\`, \`let json = '[' + <item for value[0]>;\`,
\`for (let i = 1; i < value.length; i++) json += ',' + <item for value[i]>;\`, \`return json + ']';\` — where an item
is \`expression(ctx, jsonParts(node.items, 'value[0]!'))\` (and with \`'value[i]!'\`: the \`!\` keeps the generated code typechecking
under \`noUncheckedIndexedAccess\`). Join the lines with \`'\\n'\`.`,
      },
      {
        title: "My validator's path or verdict differs from TypeBox's",
        step: 3,
        body: `\`checksOf\` answers only for the value itself; the walk (\`validatorBody\`) does the properties, "is required",
optional ones and array items, and calls you again for each. Return the kind check first — \`typeof v !== 'string'\`,
\`typeof v !== 'number' || !Number.isInteger(v)\`, \`!\${ctx.runtime('isRecord')}(\${v})\`, \`!Array.isArray(v)\` — then the
bounds, each as a \`test\` that is true when the value is *wrong*. A literal's test compares with its value as
source: \`\${v} !== \${JSON.stringify(node.value)}\`; an enum rules out every value with \`&&\`.`,
      },
      {
        title: 'The route table does not compile once TypedRoute uses JsonTypeName',
        step: 4,
        body: `That is the registry rule working at compile time: every \`accepts\` and \`returns\` must name a registered
type. Give each route its bodies — \`GET /health\` returns \`['Health']\`, \`GET /todos\` \`['TodoList']\`,
\`GET /todos/:id\` \`['Todo', 'ErrorBody']\`, \`POST /todos\` accepts \`'CreateTodo'\` and returns \`['Todo', 'ErrorBody']\`,
\`POST /ingest/v1\` accepts \`'IngestEvent'\` and returns \`['IngestAccepted', 'ErrorBody']\`. After a validator said
\`undefined\`, cast the body: \`body as CreateTodo\` (the type from \`./generated/types.ts\`).`,
      },
      {
        title: 'JSON.stringify still runs while serving',
        step: 4,
        body: `Every body must come from the generated code: the 201 and 200 bodies (\`jsonContext.Todo.serialize\`), the
202 (\`jsonContext.IngestAccepted.serialize\`), the \`GET /todos\` cache (\`createTodoListCache(todos,
jsonContext.TodoList.serialize)\` in \`src/app.ts\`) and the error bodies whose message depends on the request:
\`errorResponse(code, message)\` on \`jsonContext.ErrorBody.serialize({ error: { code, message } })\`, which you pass to
\`readJson(c, errorResponse)\`. Keeping JSON.stringify under another name does not help: the test counts those calls too.`,
      },
      {
        title: 'Going further: where do I start with the writers?',
        body: `Add \`export class Utf8Writer\` to \`src/json-runtime.ts\`: a \`Buffer\` kept between calls and a position;
\`bytes(u8)\` copies a constant, \`string(s)\` writes printable ASCII byte by byte and falls back to
\`buf.write(JSON.stringify(s), pos, 'utf8')\` otherwise, \`number(n)\` writes \`number(n)\` as latin1, \`take()\` copies
the bytes out and rewinds (grow the buffer when a value needs more). Then \`src/codegen/writer.ts\` with
\`emitWriter(ctx, type)\`: the same parts as the serializer, as statements (\`out.bytes(CONSTANT);\`); a text
constant of bytes is \`\`ctx.computed(name, \`\${ctx.runtime('utf8')}(\${jsString(text)})\`)\`\` with a \`utf8()\` helper in
json-runtime.ts.`,
      },
    ],
    // Per runtime: V8's JSON.stringify fast path (on by default in Node 26) took the serializers' lead away;
    // validating stays ahead everywhere. The README's Checkpoint section says the same, per Node major.
    targets: [
      lab02Task('validate a POST /todos body', { atMost: 1 / 1.25, than: "lab 01's hand-written check" }),
      lab02Task('validate a POST /todos body', { vs: 'TypeBox Value.Check', atMost: 1 / 10, than: "TypeBox's Value.Check (the schema walked at run time)" }),
      lab02Task('one Todo → JSON text', { atMost: 1 / 3, node: { max: 20 }, than: 'JSON.stringify' }),
      lab02Task('100 Todos → JSON text', { atMost: 1 / 1.8, node: { max: 20 }, than: 'JSON.stringify' }),
      lab02Task('one Todo → JSON text', { vs: 'fast-json-stringify', atMost: 1, node: { max: 20 }, than: 'fast-json-stringify' }),
      lab02Task('100 Todos → JSON text', { vs: 'fast-json-stringify', atMost: 1, node: { max: 20 }, than: 'fast-json-stringify' }),
      lab02Task('one Todo → JSON text', { atMost: 1 / 1.6, node: { min: 22, max: 24 }, than: 'JSON.stringify' }),
      lab02Task('one Todo → JSON text', { atMost: 1.25, node: { min: 26 }, than: 'JSON.stringify' }),
    ],
    estimate: { core: '~45 min', further: '~60 min' },
  },
  {
    number: 3,
    slug: '03-byte-parsing',
    title: 'Byte-level parsing: a Utf8JsonReader for Node',
    teaches: 'Read the fields you need straight from the body bytes and validate the rest without building objects.',
    seedIdea: 'Utf8JsonReader and "x"u8 literals (seeds 000, 004)',
    status: 'ready',
    baseline: '02-generated-serializers',
    estimate: { core: '~55 min', further: '~45 min' },
    hints: [
      {
        title: 'Where do I start?',
        step: 1,
        body: `From the table in README step 1: one row per state, what it accepts, what it returns and where it goes.
Of the base you call only \`token(type, start, end, next)\`, \`fail(code, i)\`, \`unexpected(i, b)\`,
\`scanScalar(i)\` (the index after a string, number or literal; its type in \`scalarType\`) and \`scanString(i)\` (a
name's closing quote) — both scanners answer -1 with the error recorded — plus \`skipWhitespace(bytes, i)\`. Make
\`read()\` return the tokens of \`{}\`, \`[]\` and \`"x"\` first, then grow it state by state: \`test/reader.test.ts\`
checks examples, \`test/agreement.test.ts\` prints the first generated document where your stream differs. The
grammar written out one rule per function is \`shared/api/src/json-reference-reader.ts\`, if a row is unclear.`,
      },
      {
        title: 'What does read() look like?',
        step: 2,
        body: `\`let i = this.position\`, then \`for (;;) { i = skipWhitespace(this.bytes, i); const b = i < length ? bytes[i] : END; switch (this.state) { … } }\`.
\`case State.Colon:\` is \`if (b !== Char.Colon) return this.unexpected(i, b); i++; this.state = State.Value; continue;\`.
A value (DocumentStart, Value, ArrayStart) is \`const end = this.scanScalar(i)\`, state AfterValue, and a token
of type \`this.scalarType\` — except \`{\`/\`[\`, which check \`this.depth >= this.maxDepth\` (TooDeep), do \`this.closers[++this.depth] = Char.CloseBrace\`
(or \`CloseBracket\`) and go to ObjectStart/ArrayStart. A closing bracket does \`this.depth--\` and leaves the
state AfterValue. Small helpers (\`value(i, b)\`, \`close(i, b)\`) keep the switch short.`,
      },
      {
        title: 'My token stream is right, but the spans are off by one',
        step: 2,
        body: `A string's or a property name's span is the text *between* the quotes: \`tokenStart\` is the byte after
the opening quote, \`tokenEnd\` the closing quote itself, and reading goes on after it. \`scanString(i)\` answers
the closing quote (\`token(Token.PropertyName, i + 1, close, close + 1)\`); \`scanScalar(i)\` answers the index
*after* it (\`token(Token.String, i + 1, end - 1, end)\`). Numbers and literals span themselves
(\`token(this.scalarType, i, end, end)\`), containers their bracket,
EndOfDocument the empty span at the document's length (\`token(Token.EndOfDocument, i, i, i)\`).`,
      },
      {
        title: 'The agreement test says my reader returned a token where the document is invalid',
        step: 2,
        body: `A state accepts only what the grammar allows there. After \`{\` comes a name or \`}\`; after \`,\` in an object
only a name (no \`}\`: \`{"a":1,}\` is invalid), in an array only a value (\`[1,]\`); after a value, \`,\` or *this*
container's closer (\`closers[depth]\`, so \`[}\` is an error); at depth 0 after the value, only the end of the
bytes — anything else is \`fail(JsonError.TrailingData, i)\`. Whitespace is space, tab, LF and CR only.`,
      },
      {
        title: 'The errors test: the right error, but at another byte',
        step: 2,
        body: `The first byte that cannot be accepted decides. Bytes that run out are \`UnexpectedEnd\` at the
document's length, never at the last byte (\`unexpected(i, b)\` with \`b === END\` does that). \`01\` is
\`InvalidNumber\` at the \`1\` (the scanner's), but \`1x\` is a Number token followed by \`UnexpectedByte\` (or
\`TrailingData\` at the top level) at the \`x\`. \`TooDeep\` is at the bracket that would open level 65. Your
\`skip()\` must report the same as \`read()\` would, byte for byte.`,
      },
      {
        title: 'skip(): the simple version',
        step: 3,
        body: `\`let type = this.tokenType; if (type === Token.PropertyName) type = this.read();\` — now the value's first
token is current. A scalar (or Error) is already skipped: \`return type\`. For \`StartObject\`/\`StartArray\`:
\`const outside = this.depth - 1; while ((type = this.read()) !== Token.Error && this.depth > outside);
return type;\` It passes the skip tests; step 5 makes it one pass.`,
      },
      {
        title: 'readIngest answers Fields for an invalid body, or the wrong fields',
        step: 4,
        body: `After each member, check \`reader.tokenType === Token.Error\`: a \`skip()\` that met an error returns
it, and the next \`read()\` would too, but not necessarily before you stored a field. Only \`PropertyName\` or
\`EndObject\` may come where a member starts; anything else is InvalidJson. After \`EndObject\`, one more
\`read()\` must be \`EndOfDocument\` (\`{} x\` is invalid). A top-level non-object: \`skip()\` it, then
\`read() === Token.EndOfDocument\` decides NotAnObject or InvalidJson.`,
      },
      {
        title: 'The contract test says an aborted upload logged an error',
        step: 4,
        body: `Read the body with the given \`readBodyBytes(c)\` and return its \`Response\` as is: it answers an upload the
client cut off with a 400 and logs it at debug level (\`request aborted\`). Read the body any other way
(\`c.req.arrayBuffer()\`, a stream of your own) and a dropped connection throws into the router's \`onError\`, which
logs an error line per aborted upload.`,
      },
      {
        title: 'The one-pass test says skip() calls read() for every token',
        step: 5,
        body: `Write skip()'s own loop for a container (after \`PropertyName\`, \`read()\` the value's first token as now).
Keep \`bytes\`, \`closers\`, \`depth\`, \`i\` and the byte \`b\` in locals; \`outside = this.depth - 1\`. Each round: in an
object (\`closers[depth] === Char.CloseBrace\`), a \`"\` name (\`i = this.scanString(i)\`, then past the quote),
whitespace, \`:\`, whitespace. Then the value: \`{\`/\`[\` push a closer (TooDeep check) and go round — an empty
container closes at once, so let its closer through (a flag \`opened\`); a scalar is \`i = this.scanScalar(i)\`.
Then \`while (b !== Char.Comma)\`: \`b\` must be \`closers[depth]\`; when \`--depth === outside\`, set \`this.depth\`,
\`this.state = State.AfterValue\` and \`return this.token(EndObject or EndArray, i, i + 1, i + 1)\`. Any scanner's
-1 is \`return Token.Error\`: the error is recorded.`,
      },
      {
        title: 'The allocation test says my reader allocates',
        step: 5,
        body: `Look for anything made per call: \`bytes.subarray()\` or \`slice()\` (a new view or copy), a
\`TextDecoder\`, \`String.fromCharCode\`, a \`{ type, start, end }\` object or an array per token, a closure,
\`Number(string)\`, a \`new JsonReader()\` or a fields object per body. Keep one reader and
one fields record at module level and \`reset()\` them; return numbers, keep offsets in fields.`,
      },
      {
        title: 'My reader passes but is not 3× faster than lab 02',
        step: 5,
        body: `Profile it (\`pnpm lab bench 03 --profile\`). Most time should be in the given \`scanString\` and your
\`skip()\` loop. What helped the reference: whitespace loops written inline in \`skip()\` rather than a call per
gap (~20 %), no \`this.\` field reads inside the loop (locals for \`bytes\`, \`length\`, \`closers\`, \`depth\`), and
nothing recorded until the container's end. Measure each change: they are not obvious.`,
      },
      {
        title: 'Going further: comparing an escaped name myself',
        body: `Walk the token's bytes (\`tokenStart\`..\`tokenEnd\`) and \`expected\` with two indexes. A plain byte must equal
the next expected byte; \`\\n\`, \`\\"\` and the other one-letter escapes stand for one byte (a 256-entry table by the
letter); \`\\uXXXX\` is a code point: a high surrogate (D800–DBFF) must be followed by \`\\u\` and a low one (DC00–DFFF),
together \`0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)\`; any other surrogate equals nothing. Compare the
code point as its 1–4 UTF-8 bytes against \`expected\` in place; at the end both indexes must be at their ends.`,
      },
      {
        title: 'Going further: numbers without a string',
        body: `Gather the digits (integer part, then fraction) into \`mantissa = mantissa * 10 + digit\`, skipping leading
zeros and counting the significant digits; each fraction digit lowers the decimal exponent by one; add the
\`e\`/\`E\` part. Zero is \`negative ? -0 : 0\`. With at most 15 significant digits and an exponent in -22..22,
\`mantissa * 10 ** e\` (or \`/ 10 ** -e\`) is exact: both are exact doubles and one operation rounds once. Keep the
powers in a table made once. Anything else: \`Number()\` on the token's text, built your own way.`,
      },
    ],
    targets: [
      target({
        scenario: 'read 64 KB body, fields last',
        metric: 'nsPerOp',
        atMost: 1 / 3,
        node: { max: 20 },
        than: "lab 02's TextDecoder + JSON.parse",
        on: 'reading the 64 KB body, validating all of it',
      }),
      // Node 22 and 24 parse faster than 20 already: 2.89× and 2.74× in a quiet side-by-side run (2026-12-07).
      target({
        scenario: 'read 64 KB body, fields last',
        metric: 'nsPerOp',
        atMost: 1 / 2.5,
        node: { min: 22, max: 24 },
        than: "lab 02's TextDecoder + JSON.parse",
        on: 'reading the 64 KB body, validating all of it',
      }),
      // Node 26's V8 parses faster: the same reader's lead shrank (2.24× in a quiet run of Node 26.10).
      target({
        scenario: 'read 64 KB body, fields last',
        metric: 'nsPerOp',
        atMost: 1 / 1.8,
        node: { min: 26 },
        than: "lab 02's TextDecoder + JSON.parse",
        on: 'reading the 64 KB body, validating all of it',
      }),
      // No heap allocation, said as a ratio: the reader's 16 B per call against lab 02's 251.7 KiB is ~16,000× less.
      target({
        scenario: 'read 64 KB body, fields last',
        metric: 'bytesPerOp',
        atMost: 1 / 1000,
        than: "lab 02's TextDecoder + JSON.parse",
        on: 'reading the 64 KB body',
      }),
      target({ scenario: 'POST /ingest/v1 64KB', metric: 'rps', atLeast: 2, node: { max: 24 }, than: 'lab 02', on: 'on POST /ingest/v1 with the 64 KB body' }),
      // Node 26's JSON.parse narrows it end to end too: 1.72× in the reference's quiet Node 26.12.1 run (2026-12-07).
      target({
        scenario: 'POST /ingest/v1 64KB',
        metric: 'rps',
        atLeast: 1.5,
        node: { min: 26 },
        than: 'lab 02',
        on: 'on POST /ingest/v1 with the 64 KB body',
      }),
    ],
  },
  {
    number: 4,
    slug: '04-pooling',
    title: 'Pooling: reuse buffers, return them in finally',
    teaches: 'Stream bodies into pooled slabs as they arrive, under a server-wide budget, return them on every path, and measure whether pooling wins.',
    seedIdea: 'ArrayPool, thread-local pools and AdvanceTo in finally (seeds 000, 004)',
    status: 'ready',
    baseline: '03-byte-parsing',
    estimate: { core: '~45 min', further: '~30 min' },
    hints: [
      {
        title: 'Where do I start?',
        step: 1,
        body: `With \`src/pool.ts\`: \`test/pool.test.ts\` describes the pool case by case. The free list is the array
\`free\` with \`freeCount\` as its top: \`rent()\` takes \`free[--freeCount]\`, \`give()\` puts the slab at
\`free[freeCount++]\`. Keep counters as private fields (\`rented\`, \`returned\`, \`misses\`, …) and compute
\`outstanding\` as \`rented - returned\` rather than keeping a third counter in step.`,
      },
      {
        title: 'How does give() know a slab is already free?',
        step: 1,
        body: `Compare it with the slabs on the free list: \`for (let i = 0; i < freeCount; i++) if (free[i] === buffer) throw …\`.
At most \`maxRetained\` comparisons — tens of nanoseconds — for a bug that would otherwise hand one slab to
two requests at once. Only a buffer of exactly \`slabSize\` bytes (\`byteOffset\` 0, its own ArrayBuffer) can
be a slab; anything else that comes back is an oversized buffer: count it and let it go.`,
      },
      {
        title: 'Why does append() rent, and not the constructor?',
        step: 2,
        body: `Because only append() knows how many bytes have arrived. A client declares its Content-Length before it
sends anything, and may never send it: a body that rented the declared size lets 1,000 sockets that sent 16
bytes each hold 1,000 MiB. The body starts with \`buffer\` empty (\`byteLength\` 0), so the first chunk never
fits: the same "move to a bigger buffer" path rents its first buffer, sized by that chunk.`,
      },
      {
        title: 'append() must move to a bigger buffer: in what order?',
        step: 2,
        body: `Check the limit first (\`Append.TooLarge\`, nothing changed). Then \`want = Math.min(limit,
Math.max(needed, buffer.byteLength * 2))\` and round it up to its class: \`memory.small.slabSize\` when it fits
there, else \`memory.slabs.slabSize\` when it fits there, else \`want\` itself. \`memory.budget.tryTake(size)\`
comes before the rent — false means \`Append.Busy\`, with nothing rented or copied. Then rent from the class's
pool, copy what was read (\`bigger.set(this.buffer.subarray(0, this.length))\`, only when \`length > 0\`), give
the old buffer back, and only then copy the chunk in at \`length\`.`,
      },
      {
        title: 'The budget is not back at 0, or give() throws "more buffers returned than rented"',
        step: 2,
        body: `Every buffer goes back to the pool it came from, with exactly the size that was taken: a buffer of
\`memory.small.slabSize\` bytes to \`memory.small\`, anything else to \`memory.slabs\` — decide by
\`buffer.byteLength\` with the same test append() used to choose — and \`memory.budget.give(buffer.byteLength)\`
beside each give, in append() when the body moves and in release(). release() of a body that rented nothing
(an empty body, a request refused as Busy at its first bytes) gives nothing: check for the empty buffer.`,
      },
      {
        title: 'readNodeBody never resolves when the client goes away',
        step: 2,
        body: `An aborted request emits 'close' without 'end' before it — so does one the server cut for sending too
slowly. Resolve Aborted from your 'close' listener when \`incoming.readableEnded\` is false (and Complete when
it is true: 'close' also follows a normal 'end'). When append() answers anything but \`Append.Ok\`, resolve with
that value: \`Append.TooLarge\` and \`Append.Busy\` are \`BodyRead.TooLarge\` and \`BodyRead.Busy\`. And remove all
three listeners before resolving, on every path — a listener left behind keeps the PooledBody (and its slab)
reachable from the request.`,
      },
      {
        title: 'The no-copy test says arrayBuffer() was called',
        step: 3,
        body: `That is lab 03's handler still answering: \`lab03Ingest\` reads the body with \`arrayBuffer()\` whenever
the request has a Content-Length. Once your handler rents, it reads with your own readers only —
\`readNodeBody(nodeRequest(), …)\` over a socket, \`readWebBody(c.req.raw.body, …)\` in process — and never calls
\`c.req.arrayBuffer()\`, \`text()\`, \`json()\`, \`blob()\` or \`formData()\`, nor \`readBodyWithin\` from @hotpath/api
(it calls \`arrayBuffer()\` for you). Reading the stream is allowed; buffering the whole body anew is not.`,
      },
      {
        title: 'The handler passes in process but the server test leaks buffers',
        step: 3,
        body: `In process (\`app.fetch\`) there is no Node request, so \`readWebBody\` runs; over a socket it is
\`readNodeBody\`, and a client can really disconnect. Check that \`nodeRequest()\` is called before the first
\`await\` (after it, it is undefined), that every \`return\` after \`new PooledBody()\` is inside the \`try\`, and
that the \`finally\` calls \`body.release()\`.`,
      },
      {
        title: 'The header test answers 202 for two Content-Types, or reads a huge body before its 413',
        step: 3,
        body: `\`incoming.headers\` is Node's digest of the header block: it keeps the first of two Content-Types and
only the first 1,000 header lines. Read Content-Type, Content-Length and Transfer-Encoding with
\`requestHeader(incoming, name)\` from @hotpath/api/node-request: every occurrence, joined with ", " as Fetch's
\`Headers\` (and so \`c.req.header()\` in process and labs 00–03) give them — "application/json, text/plain" is
not JSON, and a Content-Length after 1,003 other headers still declares the body.`,
      },
      {
        title: 'The slow-bodies test says the bodies hold more than 500 small slabs, or none',
        step: 3,
        body: `None: the handler is not reading from the socket as bytes arrive — lab 03's \`arrayBuffer()\` waits for
the whole body, so 16 bytes never reach your pools; use \`readNodeBody(nodeRequest(), …)\`. More: the bodies
rent by the declared Content-Length, or skip the small class — 16 bytes must go into \`memory.small\`, the
constructor must rent nothing, and the handler must not pass the Content-Length to the body at all.`,
      },
      {
        title: 'The bleed test says a short body got another answer after a long one',
        step: 3,
        body: `Your reader saw bytes past this request's end: the slab still holds the previous body there. Pass
\`body.view()\` (exactly \`length\` bytes) to \`answerIngest\`, never \`body.buffer\`. That bounded view is the
reason the kit does not zero slabs on return: nothing past \`length\` is ever read, so there is nothing to
wipe — and a 64 KiB \`fill(0)\` per request would cost more than the allocation it replaces.`,
      },
      {
        title: 'offer() still allocates',
        step: 4,
        body: `An object per event (\`{ itemCount, timestamp }\`) and an array that grows are what lab 03's queue does.
Allocate two \`Float64Array(capacity)\` in the constructor; \`offer()\` writes
\`itemCounts[slot] = itemCount; timestamps[slot] = timestamp\` with \`slot = head + count\` (minus capacity when
it passes the end), and \`consume()\` reads at \`head\` and moves it on, wrapping to 0.`,
      },
      {
        title: 'The soak fails',
        step: 5,
        body: `Read which check failed. \`outstanding\` above 0 is a leak the tests did not provoke: find the path
that returns between \`new PooledBody()\` and the \`try\`, a buffer or budget bytes not given back when the
body moves or is refused as Busy, or a read that never settles (a 'close' without 'end').
RSS growing more than 15 % (its peak late in the load against its peak early in it) is memory kept per
request — a buffer still referenced after \`release()\`, a listener never removed — or a run too short for the
heap to reach its working size: keep the default 10 s warm-up and 60 s of load, and compare with
\`pnpm --dir labs/04-pooling soak --reference\` on the same machine. Growth while the machine was busy is
INCONCLUSIVE (exit 2), not a failure of your code: the soak names what it saw busy; close other programs and
run it again. An \`outstanding\` above 0 fails on any machine.`,
      },
    ],
    targets: [
      target({
        scenario: 'POST /ingest/v1 64KB',
        metric: 'arrayBufferBytesPerRequest',
        atMost: 1 / 2,
        than: 'lab 03',
        on: 'on POST /ingest/v1 with the 64 KB body',
      }),
      target({
        scenario: 'POST /ingest/v1 1KB',
        metric: 'appArrayBufferBytesPerRequest',
        atMost: 1100,
        absolute: true,
        on: 'per POST /ingest/v1 (1 KB body)',
        note: ": the socket's own 1 KB chunk, nothing beyond it",
      }),
      // Was atMost 0.9 (≤ 0.9× lab 03's GCs); 1 / 1.1 says "≥ 1.1× fewer" (the reference: 0.66×, 1.5× fewer).
      target({ scenario: 'POST /ingest/v1 64KB', metric: 'gcPer10k', atMost: 1 / 1.1, than: 'lab 03', on: 'on POST /ingest/v1 with the 64 KB body' }),
      target({ scenario: 'POST /ingest/v1 1KB', metric: 'p99', atMost: 1.1, than: 'lab 03', on: 'on POST /ingest/v1 with the 1 KB body' }),
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
        step: 1,
        body: `With \`src/bundle.ts\` (step 1): \`test/bundle.test.ts\` bundles small fixtures first, so you see esbuild's
own errors quickly. Call \`build()\` exactly as the TODO lists, then read the metafile: its \`outputs\` are keyed
by the outfile *relative to \`absWorkingDir\`*, and each output's \`inputs\` give \`bytesInOutput\` per module.
\`pnpm build\` runs your bundle() and buildSea() for real; \`pnpm test\` runs the same build once and caches it.`,
      },
      {
        title: 'The fixture test says my bundle accepted require(name)',
        step: 1,
        body: `Bundling for Node, esbuild leaves a \`require(name)\` it cannot follow in the output and only warns (with
\`logLevel: 'silent'\`, not even that): Node would resolve it from node_modules at runtime — which a single
executable in an empty folder does not have. Make those messages errors with \`logOverride\`: the ids are
\`unsupported-require-call\`, \`unsupported-dynamic-import\` and \`empty-import-meta\`. That is .NET's trim
warning, promoted to an error.`,
      },
      {
        title: 'node --build-sea or postject fails, or the binary starts as a plain node',
        step: 2,
        body: `Follow \`options.method\`: the build chose it for your node. \`'build-sea'\` (Node ≥ 25.5): the config's
\`output\` is the binary itself, and \`node --build-sea <config>\` is the one command. \`'postject'\` (Node 20,
22, 24): order matters — \`output\` is the blob; run \`node --experimental-sea-config <config>\`, copy
\`process.execPath\` to the binary's path and make it executable, then inject the blob with postject under
the resource name \`NODE_SEA_BLOB\` and \`--sentinel-fuse NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2\`
(the constants are given in \`@hotpath/workshop/sea-given\`). A binary without the fuse flipped is just a copy of
node: it prints a REPL prompt or waits for a script.`,
      },
      {
        title: 'It works from dist/ but not copied alone into an empty folder',
        step: 2,
        body: `Something is still read from disk at runtime: a \`readFileSync(new URL('./x.json', import.meta.url))\`, a
path built from \`__dirname\`, a package esbuild left external. Import data so esbuild inlines it (JSON
imports are bundled), or mark the file as a SEA asset. The test copies the binary alone into a temp folder
with no node_modules above it: exactly what a distroless image or a download does.`,
      },
      {
        title: "The snapshot build dies with 'methods.toSorted is not a function' or 'global handle not serialized'",
        step: 3,
        body: `Something loaded \`node:http\` while the snapshot was being built: \`@hono/node-server\` does at its top,
and so do \`Request\`/\`Response\` (undici). On Node 20 the snapshot builder's context lacks
\`Array.prototype.toSorted\`, which \`node:http\` calls; on Node 22, 24 and 26 it loads, but V8 cannot write
the HTTP parser's native handles into the snapshot and aborts the build. Keep the top level of \`src/snapshot.ts\` to
\`createApp()\`, and import \`@hotpath/api/serve\` inside the function you give
\`v8.startupSnapshot.setDeserializeMainFunction()\`: \`await import('@hotpath/api/serve')\` — esbuild keeps a
literal dynamic import lazy in the bundle.`,
      },
      {
        title: "The snapshot build dies with 'ReferenceError: module is not defined'",
        step: 3,
        body: `\`src/snapshot.ts\` exports something — the stub's \`export {}\` kept is enough. An entry with an export makes
esbuild end its CommonJS bundle with \`module.exports = …\`, and Node's snapshot builder runs the bundle as a
plain script that has no \`module\`. The entry needs no export: remove it and keep the imports. tsc is content
(the package is \`"type": "module"\`, so every \`.ts\` file of it is a module).`,
      },
      {
        title: 'The snapshot binary listens on the wrong port, or never drains the sink',
        step: 3,
        body: `Whatever the top level of the snapshot entry computes is frozen into the blob on the build machine:
\`process.env.PORT\` read there is the builder's, and a timer started there does not survive
deserialization. Read the environment and start timers in the deserialize main function — which is what
\`runServer(app, …)\` does when you call it there.`,
      },
      {
        title: 'The binary is ~95 MiB and starts no faster than node dist/server.cjs',
        step: 4,
        body: `Both are expected, and the lesson. A SEA is the node executable with your bundle appended: its size is
node's, and it starts exactly as node does. What made start-up 6× faster was leaving tsx, TypeScript
transforms and the reflection-heavy framework behind (lab 01 onwards) and bundling; the code cache saves a
few ms of compilation; the snapshot trades deserialization for evaluation. Read \`pnpm lab bench 05\`'s start-up
rows side by side, and the lab's README on what a single binary is really for: distribution.`,
      },
    ],
    estimate: { core: '~45 min' },
    targets: [
      // Quiet start-up runs of the reference (results/startup*.json): the code-cache binary 6.51× sooner than
      // lab 00 under tsx on Node 20, 3.63× on Node 26, where tsx itself starts faster; peak RSS 0.50× / 0.63×;
      // 1.52× / 1.53× raw node:http. Node 22 and 24 have no committed run: they get Node 26's bounds.
      target({
        scenario: 'startup',
        metric: 'startupMs',
        atMost: 1 / 5,
        node: { max: 20 },
        what: 'to the first response',
        than: 'lab 00 under tsx',
        on: '(the code-cache binary)',
      }),
      target({
        scenario: 'startup',
        metric: 'startupMs',
        atMost: 1 / 3,
        node: { min: 22 },
        what: 'to the first response',
        than: 'lab 00 under tsx',
        on: '(the code-cache binary)',
      }),
      // Were atMost 0.55 and 0.7 (peak RSS ≤ 0.55× / 0.7× lab 00's): said as "≥ 1.8× / 1.4× less", 1 / 1.8 and 1 / 1.4.
      target({ scenario: 'startup', metric: 'peakRss', atMost: 1 / 1.8, node: { max: 20 }, what: 'at the first response', than: 'lab 00 under tsx' }),
      target({ scenario: 'startup', metric: 'peakRss', atMost: 1 / 1.4, node: { min: 22 }, what: 'at the first response', than: 'lab 00 under tsx' }),
      target({
        scenario: 'startup',
        metric: 'startupMs',
        vs: RAW_NODE_HTTP,
        atMost: TARGET_VS_RAW_NODE_HTTP,
        what: 'to the first response',
        than: 'a raw node:http hello server',
      }),
      target({ scenario: 'GET /todos', metric: 'rps', atLeast: 5, than: 'lab 00', on: 'on GET /todos, served by the binary' }),
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
