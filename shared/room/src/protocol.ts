/**
 * What a learner's checkout and the room say to each other, defined once (TypeBox): the join request and its
 * answer, and the two reports a joined checkout posts — after `pnpm lab test` (tests passing and failing per
 * core and going-further, the typecheck, the distinct failing messages) and after `pnpm lab bench` (each
 * target's verdict with its ratio, the machine fingerprint). Never source code: every field is a count, a
 * verdict, a short message or a machine fact, and every string has a length limit the server enforces.
 */
import { type Static, Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** Limits the server enforces (and the client trims to before sending). */
export const LIMITS = {
  /** Bytes of one request body: a report is a few KiB at most. */
  bodyBytes: 64 * 1024,
  name: 40,
  code: 32,
  message: 300,
  /** Distinct failing messages kept per test report. */
  messages: 12,
  verdicts: 24,
  /** Reports one learner may post per minute (a lab test takes seconds; a burst is a bug or an attack). */
  reportsPerMinute: 30,
  /** Joins per minute from one address (a classroom behind one NAT address stays well under it). */
  joinsPerMinute: 120,
} as const;

const Text = (max: number) => Type.String({ maxLength: max });
const Count = Type.Integer({ minimum: 0, maximum: 100_000 });
/** An ISO 8601 time, as `new Date().toISOString()` writes it. */
const Instant = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$', maxLength: 40 });
/** `01-slim-builder`: a lab slug. */
export const LabSlug = Type.String({ pattern: '^[0-9]{2}-[a-z0-9-]{1,40}$' });

export const JoinRequest = Type.Object(
  {
    code: Text(LIMITS.code),
    name: Type.String({ minLength: 1, maxLength: LIMITS.name }),
  },
  { additionalProperties: false },
);
export const JoinAnswer = Type.Object({
  learnerId: Type.String(),
  /** The learner's own write token: sent as `Authorization: Bearer <token>`; the room stores only its hash. */
  token: Type.String(),
  room: Type.String({ description: "the room's name, for the learner's prompt" }),
});

export const Fingerprint = Type.Object(
  {
    node: Text(40),
    cpuModel: Text(120),
    cores: Count,
    os: Text(40),
  },
  { additionalProperties: false },
);

const Tally = Type.Object({ passed: Count, failed: Count }, { additionalProperties: false });

export const TestReport = Type.Object(
  {
    kind: Type.Literal('test'),
    lab: LabSlug,
    /** When the run ended on the learner's machine (ISO 8601). */
    at: Instant,
    core: Tally,
    further: Tally,
    typecheck: Type.Union([Type.Literal('ok'), Type.Literal('errors'), Type.Literal('skipped')]),
    /** Distinct failing test messages (the test's instruction), first ones first. */
    failing: Type.Array(Text(LIMITS.message), { maxItems: LIMITS.messages }),
    fingerprint: Fingerprint,
  },
  { additionalProperties: false },
);

export const Verdict = Type.Object(
  {
    /** The target in the kit's words, e.g. "≥ 3× faster than JSON.stringify serializing one Todo". */
    target: Text(LIMITS.message),
    state: Type.Union([Type.Literal('met'), Type.Literal('missed'), Type.Literal('inconclusive')]),
    /** The learner's figure in the target's own direction, e.g. "2.9× faster"; null when not measured. */
    figure: Type.Union([Text(80), Type.Null()]),
    /**
     * How far the figure is past the target, higher always better (1: exactly on it): the ratio over an
     * "at least" bound, the bound over the ratio for an "at most" one. How the room ranks checkpoints.
     */
    score: Type.Union([Type.Number(), Type.Null()]),
    /** The reference's figure in the same run, when measured. */
    reference: Type.Union([Text(80), Type.Null()]),
  },
  { additionalProperties: false },
);

export const BenchReport = Type.Object(
  {
    kind: Type.Literal('bench'),
    lab: LabSlug,
    at: Instant,
    mode: Type.Union([Type.Literal('quick'), Type.Literal('full')]),
    /** The runtime the checkpoint measured, e.g. "Node 26.12.1". */
    runtime: Text(40),
    /** Whether the harness flagged the machine busy (figures low). */
    busy: Type.Boolean(),
    verdicts: Type.Array(Verdict, { maxItems: LIMITS.verdicts }),
    fingerprint: Fingerprint,
  },
  { additionalProperties: false },
);

export const Report = Type.Union([TestReport, BenchReport]);

export type JoinRequest = Static<typeof JoinRequest>;
export type JoinAnswer = Static<typeof JoinAnswer>;
export type Fingerprint = Static<typeof Fingerprint>;
export type TestReport = Static<typeof TestReport>;
export type BenchReport = Static<typeof BenchReport>;
export type Verdict = Static<typeof Verdict>;
export type Report = Static<typeof Report>;

/**
 * The first problem with `value` as a `schema`, as one sentence ("/core/passed: Expected integer"), or null. A
 * report is checked against the schema its `kind` names, so the sentence points into it.
 */
export function problemWith(schema: typeof Report | typeof JoinRequest, value: unknown): string | null {
  let checked: typeof Report | typeof JoinRequest | typeof TestReport | typeof BenchReport = schema;
  if (schema === Report) {
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (kind !== 'test' && kind !== 'bench') return `/kind: must be "test" or "bench"`;
    checked = kind === 'test' ? TestReport : BenchReport;
  }
  const first = Value.Errors(checked, value).First();
  return first ? `${first.path || '/'}: ${first.message}` : null;
}

/** Cuts `text` to `max` characters (an ellipsis marks the cut): what the client does before sending. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
