/**
 * The lab manifest: the one list of Hot Path's labs, in order. The kit's scripts, the test proof and (later)
 * the CLI and the site read it; nothing else repeats this list.
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
}

export const labs: readonly LabEntry[] = [
  {
    number: 0,
    slug: '00-baseline',
    title: 'Baseline: measure the naive API first',
    teaches: 'Measure bytes per operation, run a load benchmark and read a CPU profile of a controller-style API.',
    seedIdea: 'MVC controllers, reflection-based JSON and eager logging (seeds 000, 004)',
    status: 'ready',
  },
  {
    number: 1,
    slug: '01-slim-builder',
    title: 'Slim builder: a minimal Hono app',
    teaches: 'Register routes explicitly, drop decorators and reflection, build constant responses once.',
    seedIdea: 'WebApplication.CreateSlimBuilder and minimal APIs (seeds 001, 002, 004)',
    status: 'ready',
  },
  {
    number: 2,
    slug: '02-generated-serializers',
    title: 'Generated serializers: code generation instead of reflection',
    teaches: 'Generate serializers and validators from schemas at build time.',
    seedIdea: 'System.Text.Json source generation, JsonSerializerContext (seeds 001-003)',
    status: 'planned',
  },
  {
    number: 3,
    slug: '03-byte-parsing',
    title: 'Byte-level parsing: a Utf8JsonReader for Node',
    teaches: 'Read the fields you need straight from the body bytes and validate the rest without building objects.',
    seedIdea: 'Utf8JsonReader and "x"u8 literals (seeds 000, 004)',
    status: 'planned',
  },
  {
    number: 4,
    slug: '04-pooling',
    title: 'Pooling: reuse buffers, return them in finally',
    teaches: 'Stream bodies into pooled slabs, return them on every path, and measure whether pooling wins.',
    seedIdea: 'ArrayPool, thread-local pools and AdvanceTo in finally (seeds 000, 004)',
    status: 'planned',
  },
  {
    number: 5,
    slug: '05-single-binary',
    title: 'Single binary: bundle, SEA, code cache and snapshot',
    teaches: 'Bundle with esbuild, build a Node single executable application, and measure startup honestly.',
    seedIdea: 'PublishAot, ReadyToRun, trimming, InvariantGlobalization (seeds 000-003)',
    status: 'planned',
  },
];

export function findLab(key: string | number): LabEntry | undefined {
  const n = typeof key === 'number' ? key : /^\d+$/.test(key) ? Number(key) : NaN;
  return labs.find((lab) => lab.number === n || lab.slug === key);
}
