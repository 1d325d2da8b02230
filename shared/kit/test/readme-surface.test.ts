/**
 * The lab READMEs against the code they describe (issue 16), fast and without a build:
 * - no README contains the text `solutions/` (the answers stay out of the instructions);
 * - every excerpt — a code block with `excerpt="…"` (src/readme-excerpts.ts) — is exactly the lines it names;
 * - a lab with a given.ts (labs 02–05 must have one) lists exactly its exports in the README's
 *   `## What you build on` table, and documents each export with a doc comment;
 * - starting code never imports `@hotpath/solution-*`, and every name a TODO comment calls is in given.ts,
 *   in @hotpath/api, in the platform (globals, node built-ins) or declared in the lab's own src;
 * - each ready lab's `**Time:**` line says the manifest's estimate.
 * Starting code is read as committed (see readme-checks.ts; HOTPATH_PRISTINE=worktree for uncommitted work).
 * The last tests plant mistakes to show each check can fail.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { labs } from '@hotpath/workshop/manifest';
import { repoRoot } from '@hotpath/workshop/paths';
import {
  apiExports,
  buildOnNames,
  declaredNames,
  excerptProblems,
  linkExcerpts,
  moduleExports,
  platformNames,
  readTree,
  solutionImports,
  solutionsMentions,
  startingCode,
  timeLine,
  unknownTodoNames,
} from './readme-checks.ts';

const readme = (slug: string) => readFileSync(join(repoRoot, 'labs', slug, 'README.md'), 'utf8');
const givenPath = (slug: string) => join(repoRoot, 'labs', slug, 'given.ts');
const code = new Map<string, ReturnType<typeof startingCode>>();
const starting = (slug: string) => code.get(slug) ?? code.set(slug, startingCode(slug)).get(slug)!;

/** A repo file's text for an excerpt: a lab's src/ as the starting code has it, anything else from the working tree. */
function repoFile(path: string): string | undefined {
  const src = /^labs\/([^/]+)\/src\/(.+)$/.exec(path);
  if (src) return starting(src[1]!).files.get(src[2]!);
  const abs = join(repoRoot, path);
  return existsSync(abs) ? readFileSync(abs, 'utf8') : undefined;
}

/** Asserts that `list` is empty, with `message` and the whole list as the failure message. */
function none(list: string[], message: string) {
  expect(list, list.length === 0 ? message : `${message}:\n  - ${list.join('\n  - ')}`).toEqual([]);
}

const slugs = labs.map((lab) => lab.slug);
const needsGiven = labs.filter((lab) => lab.number >= 2 && lab.number <= 5).map((lab) => lab.slug);
const withGiven = labs.filter((lab) => needsGiven.includes(lab.slug) || existsSync(givenPath(lab.slug))).map((lab) => lab.slug);

let api = new Set<string>();
let platform = { names: new Set<string>(), methods: new Set<string>() };
beforeAll(async () => {
  api = apiExports();
  platform = await platformNames();
});

describe('lab READMEs say what the code does, without the answers', () => {
  it.each(slugs)('%s: its README never contains the text solutions/', (slug) => {
    none(
      solutionsMentions(readme(slug)),
      `labs/${slug}/README.md must not contain "solutions/" (acceptance greps for it). Say "the reference solution" ` +
        `(pnpm lab diff / solve), "the reference's committed checkpoint" (shown on the lab's page), or quote the code in an excerpt block`,
    );
  });

  it.each(slugs)('%s: every excerpt is exactly the lines it names', (slug) => {
    const text = readme(slug);
    none(excerptProblems(text, repoFile), `labs/${slug}/README.md's excerpt code blocks`);
    none(
      linkExcerpts(text),
      `labs/${slug}/README.md: turn each link-style excerpt into a code block: \`\`\`ts excerpt="reference:NN-slug/path#Lx-Ly" (or a repo path) holding those lines`,
    );
  });

  it.each(withGiven)('%s: "What you build on" lists exactly given.ts\'s exports, each with a doc comment', (slug) => {
    expect(
      existsSync(givenPath(slug)),
      `labs/${slug}/given.ts must exist: the earlier stages' pieces this lab uses, re-exported with doc comments (conventions §2)`,
    ).toBe(true);
    const { exports, problems } = moduleExports(readFileSync(givenPath(slug), 'utf8'), `labs/${slug}/given.ts`);
    none(problems, `labs/${slug}/given.ts`);
    const undocumented = exports.filter((e) => !e.documented).map((e) => `${e.name} (line ${e.line})`);
    none(undocumented, `labs/${slug}/given.ts: give each of these exports its own /** name(args): returns … — errors … */ comment`);
    const table = buildOnNames(readme(slug));
    if (typeof table === 'string') expect.fail(`labs/${slug}/README.md: ${table}, one row per export of given.ts`);
    none(table.problems, `labs/${slug}/README.md's What you build on table`);
    const names = exports.map((e) => e.name);
    const missing = names.filter((name) => !table.names.includes(name));
    const extra = table.names.filter((name) => !names.includes(name));
    const twice = table.names.filter((name, i) => table.names.indexOf(name) !== i);
    none(missing, `labs/${slug}/README.md: add a "What you build on" row for each of these given.ts exports`);
    none(extra, `labs/${slug}/README.md: these "What you build on" rows name no export of given.ts — remove them or export them from given.ts`);
    none(twice, `labs/${slug}/README.md: one "What you build on" row per name`);
  });
});

describe('starting code names only what the learner can find', () => {
  it.each(slugs)('%s: no file under src/ imports @hotpath/solution-*', (slug) => {
    const { files, from } = starting(slug);
    none(
      solutionImports(files),
      `labs/${slug}/src (${from}) must not import a reference solution: re-export the piece from labs/${slug}/given.ts and import it from '#given'`,
    );
  });

  it.each(slugs)("%s: every name a TODO comment calls exists in #given, @hotpath/api or the lab's own files", (slug) => {
    const { files, from } = starting(slug);
    const given = existsSync(givenPath(slug)) ? moduleExports(readFileSync(givenPath(slug), 'utf8')).exports.map((e) => e.name) : [];
    // What the learner writes in this lab: the reference's own declarations (not what it imports).
    const answers = declaredNames(readTree(join(repoRoot, 'solutions', slug, 'src')), false);
    const known = new Set([...given, ...api, ...platform.names, ...declaredNames(files), ...answers]);
    const unknown = unknownTodoNames(files, known, platform.methods).map((t) => `${t.at}: \`${t.span}\` names ${t.name}`);
    none(
      unknown,
      `labs/${slug}/src (${from}): a TODO names these, but neither given.ts, @hotpath/api, the lab's src nor what its reference writes has them — export them from given.ts (and list them in What you build on), or fix the name`,
    );
  });
});

describe('time estimates', () => {
  it.each(labs.filter((lab) => lab.status === 'ready').map((lab) => [lab.slug, lab] as const))(
    "%s: the README's **Time:** line says the manifest's estimate",
    (slug, lab) => {
      expect(
        lab.estimate,
        `shared/workshop/src/manifest.ts: give lab ${slug} its honest estimate: { core: '~N min', further: '~N min' } (further only when it has going-further tests)`,
      ).toBeDefined();
      const line = timeLine(readme(slug));
      const wanted = `**Time:** core ${lab.estimate!.core}${lab.estimate!.further ? `; going further ${lab.estimate!.further}` : ''}.`;
      expect(line, `labs/${slug}/README.md: add the line "${wanted}" near the top`).toBeDefined();
      expect(line, `labs/${slug}/README.md's time line must say the manifest's core estimate, ${lab.estimate!.core}`).toContain(lab.estimate!.core);
      if (lab.estimate!.further)
        expect(line, `labs/${slug}/README.md's time line must say the manifest's going-further estimate, ${lab.estimate!.further}`).toContain(
          lab.estimate!.further,
        );
    },
  );
});

describe('the checks catch planted mistakes', () => {
  it('reports a TODO that names a misspelt function, and leaves prose, files and strings alone', () => {
    const files = new Map([
      [
        'ingest.ts',
        `import { respond, readBodyBytes } from '#given';
/**
 * TODO (step 4): read the body with \`readBodyBites(c)\`, return \`respond.tooDeep()\` when \`reader.depth > 64\`,
 * see \`src/json-reader.ts\` and \`pnpm lab hint 03 --step 4\`; \`switch (this.state)\`, \`JSON.parse(text)\`,
 * \`u8('itemCount')\`, \`ctx.constant('Todo id', '{"id":')\`, \`node:http\`.
 */
export function handler(c: unknown, reader: { depth: number }) {
  return readBodyBytes(c);
}
`,
      ],
    ]);
    const known = new Set([...api, ...platform.names, ...declaredNames(files)]);
    expect(unknownTodoNames(files, known, platform.methods).map((t) => t.name)).toEqual(['readBodyBites', 'ctx']);
  });

  it('reports an excerpt whose text drifted from its file, and one past the end', () => {
    const file = 'line one\nline two\nline three\n';
    const read = (path: string) => (path === 'shared/x.ts' || path === 'solutions/03-byte-parsing/src/x.ts' ? file : undefined);
    const ok = '```ts excerpt="shared/x.ts#L2-L3"\nline two\nline three\n```\n';
    const viaReference = '```ts excerpt="reference:03-byte-parsing/src/x.ts#L1"\nline one\n```\n';
    expect(excerptProblems(ok + viaReference, read)).toEqual([]);
    const drifted = excerptProblems('```ts excerpt="shared/x.ts#L1-L2"\nline one\nline 2\n```\n', read);
    expect(drifted).toHaveLength(1);
    expect(drifted[0]).toMatch(/its line 2 must be line 2 of shared\/x.ts exactly/);
    expect(excerptProblems('```ts excerpt="shared/x.ts#L3-L4"\nline three\n\n```\n', read)[0]).toMatch(/has 3 lines/);
    expect(excerptProblems('```ts excerpt="shared/missing.ts#L1"\nx\n```\n', read)[0]).toMatch(/does not exist/);
  });

  it('reads every kind of export, and finds the one without a doc comment', () => {
    const { exports, problems } = moduleExports(`/** readBodyBytes(c): the bytes, or a Response. */
export { readBodyBytes } from '@hotpath/solution-01-slim-builder';
/** respond: the prepared error responses. */
export { respond, offer } from '@hotpath/solution-01-slim-builder';
export {
  /** jsonContext: the generated serializers. */
  jsonContext,
} from '@hotpath/solution-02-generated-serializers';
/** A reader. */
export const reader = 1;
/** The fields. */
export type Fields = { a: number };
/** Makes one. */
export function make(): void {}
export * from './elsewhere.ts';
`);
    expect(exports.map((e) => [e.name, e.documented])).toEqual([
      ['readBodyBytes', true],
      ['respond', true],
      ['offer', false],
      ['jsonContext', true],
      ['reader', true],
      ['Fields', true],
      ['make', true],
    ]);
    expect(problems[0]).toMatch(/export \* from/);
  });

  it('reads the What you build on table, and says what is wrong with a bad one', () => {
    const good = `## What you build on\n\n| Name | Import | What it does / returns |\n|---|---|---|\n| \`readBodyBytes\` | \`#given\` | the bytes |\n| \`respond\` | \`#given\` | responses |\n\n## Next\n| x | y |\n`;
    expect(buildOnNames(good)).toEqual({ names: ['readBodyBytes', 'respond'], problems: [] });
    expect(buildOnNames(good.replace('What it does / returns', 'What it does'))).toMatch(/header is exactly/);
    expect(buildOnNames('# Lab\n')).toMatch(/no `## What you build on` section/);
  });

  it('finds an import of a reference solution, static, dynamic or re-exported', () => {
    const files = new Map([
      [
        'a.ts',
        `import { x } from '@hotpath/solution-01-slim-builder';\nconst y = await import("@hotpath/solution-02-generated-serializers");\nexport { z } from '@hotpath/api';\n`,
      ],
    ]);
    expect(solutionImports(files).map((s) => s.split(':').slice(0, 2).join(':'))).toEqual(['a.ts:1', 'a.ts:2']);
  });
});
