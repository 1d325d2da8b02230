/**
 * README excerpts: a fenced code block whose info string names the lines it quotes, so the README shows real
 * code on GitHub and in an editor, and a test can keep it equal to its source.
 *
 *     ```ts excerpt="reference:03-byte-parsing/src/ingest.ts#L30-L48"
 *     …lines 30–48 of solutions/03-byte-parsing/src/ingest.ts, exactly…
 *     ```
 *
 * `reference:NN-slug/path` is the reference solution's file (solutions/NN-slug/path); any other value is a
 * repo-relative path (`shared/api/src/json-bytes.ts#L10-L20`, `labs/03-byte-parsing/given.ts#L5-L9`). The
 * site (site/plugins/repo-links.ts) renders the block as written plus a link to the whole file; the kit's
 * test/readme-surface.test.ts checks the text against the file. Both read the spec with `parseExcerpt`.
 */

/** An excerpt's source: the repo-relative file and the 1-based, inclusive line range it quotes. */
export interface ExcerptSpec {
  /** The spec as written in the info string. */
  spec: string;
  /** Repo-relative path of the quoted file, e.g. `solutions/03-byte-parsing/src/ingest.ts`. */
  path: string;
  from: number;
  to: number;
}

const ATTRIBUTE = /(?:^|\s)excerpt="([^"]*)"/;

/** The `excerpt="…"` value of a code block's info string (or its meta, after the language), if any. */
export function excerptAttribute(info: string | null | undefined): string | undefined {
  return info ? ATTRIBUTE.exec(info)?.[1] : undefined;
}

/**
 * Reads an excerpt spec; a string is the reason it cannot be read, phrased as what to write instead.
 * `#Lx` alone quotes one line.
 */
export function parseExcerpt(spec: string): ExcerptSpec | string {
  const match = /^(?:(reference):)?([^#\s]+)#L(\d+)(?:-L(\d+))?$/.exec(spec);
  if (!match) return `excerpt="${spec}" must read excerpt="reference:NN-slug/path#Lx-Ly" or excerpt="repo/relative/path#Lx-Ly"`;
  const [, reference, file, from, to] = match;
  if (reference && !/^\d\d-[a-z0-9-]+\//.test(file!))
    return `excerpt="${spec}": after "reference:" comes the solution's folder, e.g. reference:03-byte-parsing/src/ingest.ts#L30-L48`;
  if (file!.startsWith('/') || file!.split('/').includes('..')) return `excerpt="${spec}" must name a path inside the repository, relative to its root`;
  const first = Number(from);
  const last = to === undefined ? first : Number(to);
  if (first < 1 || last < first) return `excerpt="${spec}": the line range must go up, from line 1 or later (#L12-L30)`;
  return { spec, path: reference ? `solutions/${file}` : file!, from: first, to: last };
}

/** A file's lines as an excerpt counts them: split on \n, without the empty "line" after a final newline. */
export function fileLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** A fenced code block of a markdown file: its info string, its text and the line its opening fence is on. */
export interface FencedBlock {
  info: string;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
}

/**
 * The fenced code blocks of a markdown text (``` or ~~~, indented up to three spaces or inside a list item:
 * the content loses the fence's indentation, as CommonMark reads it). Enough for the kit's READMEs; not a
 * full CommonMark parser.
 */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const close = new RegExp(`^\\s*${fence![0] === '`' ? '`' : '~'}{${fence!.length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !close.test(lines[j]!); j++) {
      const line = lines[j]!;
      const strip = Math.min(indent!.length, line.length - line.trimStart().length);
      body.push(line.slice(strip));
    }
    blocks.push({ info: info!.trim(), text: body.join('\n'), line: i + 1 });
    i = j;
  }
  return blocks;
}
