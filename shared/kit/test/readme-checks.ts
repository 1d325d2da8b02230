/**
 * What test/readme-surface.test.ts checks, as plain functions over text (so the test can also run them on
 * planted mistakes): links into solutions/, excerpt code blocks against their source lines, given.ts's
 * exports (read with the TypeScript compiler API) against the README's "What you build on" table, imports
 * of @hotpath/solution-* from starting code, and the identifiers a TODO comment names.
 *
 * A lab's starting code is read as committed (git HEAD, or HOTPATH_PRISTINE_REF), like the starting-code
 * proof, so a learner's edits never change the verdict; HOTPATH_PRISTINE=worktree reads the working tree.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { repoRoot } from '@hotpath/workshop/paths';
import { extractCommitted } from '../src/pristine.ts';
import { excerptAttribute, fencedBlocks, fileLines, parseExcerpt } from '../src/readme-excerpts.ts';

/** Files under `dir`, repo-relative path → text (node_modules and dot-folders left out). */
export function readTree(dir: string, base = dir, out = new Map<string, string>()): Map<string, string> {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) readTree(path, base, out);
    else if (entry.isFile()) out.set(relative(base, path), readFileSync(path, 'utf8'));
  }
  return out;
}

/** A lab's starting code: its src/ files (path relative to src/ → text) and where they were read from. */
export function startingCode(slug: string): { files: Map<string, string>; from: string } {
  const src = `labs/${slug}/src`;
  if (process.env.HOTPATH_PRISTINE !== 'worktree') {
    try {
      const committed = extractCommitted(repoRoot, src, process.env.HOTPATH_PRISTINE_REF ?? 'HEAD');
      try {
        return { files: readTree(committed.dir), from: committed.from };
      } finally {
        committed.cleanup();
      }
    } catch {
      // Not committed yet: the working tree is the starting code.
    }
  }
  return { files: readTree(join(repoRoot, src)), from: 'working tree' };
}

/** Lines of `markdown` that contain the text `solutions/`, as `line N: …`. */
export function solutionsMentions(markdown: string): string[] {
  return markdown.split('\n').flatMap((line, i) => (line.includes('solutions/') ? [`line ${i + 1}: ${line.trim()}`] : []));
}

/**
 * Every excerpt code block's problems: a spec that cannot be read, a file that does not exist, lines past its
 * end, or text that differs from those lines (the first differing line shown). `read(path)` gives a
 * repo-relative file's text, or undefined.
 */
export function excerptProblems(markdown: string, read: (path: string) => string | undefined): string[] {
  const problems: string[] = [];
  for (const block of fencedBlocks(markdown)) {
    const spec = excerptAttribute(block.info);
    if (spec === undefined) continue;
    const at = `the excerpt on line ${block.line} (${spec})`;
    const excerpt = parseExcerpt(spec);
    if (typeof excerpt === 'string') {
      problems.push(`${at}: ${excerpt}`);
      continue;
    }
    const text = read(excerpt.path);
    if (text === undefined) {
      problems.push(`${at}: ${excerpt.path} does not exist — name a file that does (reference:NN-slug/… is solutions/NN-slug/…)`);
      continue;
    }
    const lines = fileLines(text);
    if (excerpt.to > lines.length) {
      problems.push(`${at}: ${excerpt.path} has ${lines.length} lines, so #L${excerpt.from}-L${excerpt.to} names lines that do not exist — fix the range`);
      continue;
    }
    const wanted = lines.slice(excerpt.from - 1, excerpt.to);
    const shown = block.text.split('\n');
    const differs = Math.max(wanted.length, shown.length);
    for (let i = 0; i < differs; i++) {
      if (wanted[i] === shown[i]) continue;
      problems.push(
        `${at}: its line ${i + 1} must be line ${excerpt.from + i} of ${excerpt.path} exactly — ` +
          `file: ${JSON.stringify(wanted[i] ?? '(past the range)')}, README: ${JSON.stringify(shown[i] ?? '(missing)')}. ` +
          `Paste lines ${excerpt.from}–${excerpt.to} again, or fix the range after editing the file`,
      );
      break;
    }
  }
  return problems;
}

/** Old link-style excerpts (`[…](path#L1-L9 "excerpt")`), which a README no longer uses. */
export function linkExcerpts(markdown: string): string[] {
  return markdown.split('\n').flatMap((line, i) => (/\]\([^)\s]+\s+"excerpt"\)/.test(line) ? [`line ${i + 1}: ${line.trim()}`] : []));
}

export interface GivenExport {
  name: string;
  line: number;
  documented: boolean;
}

const hasDoc = (text: string, node: ts.Node) => (ts.getLeadingCommentRanges(text, node.pos) ?? []).some((c) => text.startsWith('/**', c.pos));
const docText = (text: string, node: ts.Node) =>
  (ts.getLeadingCommentRanges(text, node.pos) ?? [])
    .filter((c) => text.startsWith('/**', c.pos))
    .map((c) => text.slice(c.pos, c.end))
    .join('\n');
const isExported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/**
 * The names a module exports, read from its syntax with the TypeScript compiler API: `export { a, b } from`,
 * `export const`, `export function`, `export type`/`interface`/`class`/`enum`, `export * as ns`, `export
 * default`. Each is documented when a `/** … *\/` comment precedes its own specifier, or its statement when
 * that statement exports only it or its comment names it. `export * from` is a problem: it hides the names.
 */
export function moduleExports(text: string, file = 'given.ts'): { exports: GivenExport[]; problems: string[] } {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out = new Map<string, GivenExport>();
  const problems: string[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const add = (name: string, node: ts.Node, statement: ts.Node, names: number, own?: ts.Node) => {
    const statementDoc = docText(text, statement);
    const documented =
      (own !== undefined && hasDoc(text, own)) ||
      (statementDoc !== '' && (names === 1 || new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`).test(statementDoc)));
    const previous = out.get(name);
    out.set(name, { name, line: previous?.line ?? lineOf(node), documented: documented || (previous?.documented ?? false) });
  };
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      if (!clause)
        problems.push(
          `${file} line ${lineOf(statement)}: \`export * from\` hides which names it gives — list them: export { a, b } from …, each with its doc comment`,
        );
      else if (ts.isNamespaceExport(clause)) add(clause.name.text, clause, statement, 1);
      else for (const element of clause.elements) add(element.name.text, element, statement, clause.elements.length, element);
    } else if (ts.isExportAssignment(statement)) {
      add('default', statement, statement, 1);
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      const names = statement.declarationList.declarations.flatMap((d) => bindingNames(d.name));
      for (const declaration of statement.declarationList.declarations)
        for (const name of bindingNames(declaration.name)) add(name, declaration, statement, names.length);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement) ||
        ts.isModuleDeclaration(statement)) &&
      isExported(statement)
    ) {
      const isDefault = (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      const name = isDefault ? 'default' : statement.name && ts.isIdentifier(statement.name) ? statement.name.text : undefined;
      if (name) add(name, statement, statement, 1);
    }
  }
  return { exports: [...out.values()], problems };
}

function bindingNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : bindingNames(element.name)));
}

export const BUILD_ON_HEADER = '| Name | Import | What it does / returns |';

/**
 * The names in the first column of the README's `## What you build on` table (the identifier at the start of
 * each backticked first cell), or the reason there is no such table.
 */
export function buildOnNames(markdown: string): { names: string[]; problems: string[] } | string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^##\s+What you build on\s*$/.test(line));
  if (start < 0) return 'the README has no `## What you build on` section';
  const end = lines.findIndex((line, i) => i > start && /^#{1,2}\s/.test(line));
  const section = lines.slice(start + 1, end < 0 ? undefined : end);
  const header = section.findIndex((line) => line.trim().startsWith('|'));
  const squeeze = (line: string) => line.trim().replace(/\s*\|\s*/g, '|');
  if (header < 0 || squeeze(section[header]!) !== squeeze(BUILD_ON_HEADER)) {
    return `its \`## What you build on\` section must hold a table whose header is exactly ${BUILD_ON_HEADER}`;
  }
  const names: string[] = [];
  const problems: string[] = [];
  for (const row of section.slice(header + 2)) {
    if (!row.trim().startsWith('|')) break;
    const first = row.trim().slice(1).split('|')[0]!.trim();
    const name = /^`([A-Za-z_$][\w$]*)/.exec(first)?.[1];
    if (name) names.push(name);
    else problems.push(`the row "${row.trim()}" must start with the export's name in backticks, e.g. | \`readBodyBytes\` | \`#given\` | … |`);
  }
  return { names, problems };
}

/** `file:line` of every import of `@hotpath/solution-…` in a lab's source files (static, dynamic, require, export … from). */
export function solutionImports(files: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [path, text] of files) {
    text.split('\n').forEach((line, i) => {
      if (/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]@hotpath\/solution-/.test(line)) found.push(`${path}:${i + 1}: ${line.trim()}`);
    });
  }
  return found;
}

/** A name a TODO comment uses as a call or a member's object, with where it is. */
export interface TodoName {
  name: string;
  /** `src/ingest.ts:18`, the comment's first line. */
  at: string;
  /** The backticked text it came from. */
  span: string;
  /** Written as the object of a member (`respond.tooDeep()`), not as a call of its own (`arrayBuffer()`). */
  member: boolean;
}

const NOT_NAMES = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'return',
  'typeof',
  'function',
  'await',
  'async',
  'this',
  'super',
  'import',
  'export',
  'const',
  'let',
  'var',
  'in',
  'of',
  'void',
  'delete',
  'yield',
  'case',
  'new',
  'else',
  'do',
  'try',
  'finally',
  'throw',
]);

/** The comments of a TypeScript file, consecutive `//` lines joined into one, with their first line. */
function comments(text: string): Array<{ text: string; line: number; pos: number }> {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, text);
  const out: Array<{ text: string; line: number; pos: number; endLine: number; single: boolean }> = [];
  const lineAt = (pos: number) => text.slice(0, pos).split('\n').length;
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind !== ts.SyntaxKind.SingleLineCommentTrivia && kind !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
    const body = scanner.getTokenText();
    const line = lineAt(scanner.getTokenStart());
    const single = kind === ts.SyntaxKind.SingleLineCommentTrivia;
    const clean = body
      .replace(/^\/\*\*?|\*\/$/g, '')
      .split('\n')
      .map((l) => l.replace(/^\s*(?:\/\/|\*(?!\/))?\s?/, ''))
      .join(' ');
    const last = out.at(-1);
    if (single && last?.single && last.endLine === line - 1) {
      last.text += ` ${clean}`;
      last.endLine = line;
    } else out.push({ text: clean, line, pos: scanner.getTokenStart(), endLine: line + body.split('\n').length - 1, single });
  }
  return out;
}

/**
 * Names that TODO comments write in backticks as a call (`readBodyBytes(c)`, `new JsonReader()`) or as the
 * object of a member (`respond.tooDeep()`: `respond`). Prose, file names (`src/pool.ts`), strings and
 * keywords in the backticks are left alone.
 */
export function todoNames(files: Map<string, string>): TodoName[] {
  const found: TodoName[] = [];
  for (const [path, text] of files) {
    if (!/\.[cm]?[jt]sx?$/.test(path)) continue;
    for (const comment of comments(text)) {
      const todo = comment.text.indexOf('TODO');
      if (todo < 0) continue;
      // From the TODO on; a name after "no", "not", "never", "instead of" … is one the learner must not use.
      const rest = comment.text.slice(todo);
      for (const { 0: whole, 1: span, index } of rest.matchAll(/`([^`]+)`/g)) {
        if (/\b(?:no|not|never|without|instead of|rather than)\s*$/i.test(rest.slice(Math.max(0, index - 16), index))) continue;
        const code = span!
          .replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''")
          .replace(/[\w@./-]+\.(?:ts|tsx|js|cjs|mjs|json|md)\b/g, ' ')
          .replace(/\b(?:node|npm):[\w/]+/g, ' ');
        for (const match of code.matchAll(/(?<![\w$.\-/@#:])([A-Za-z_$][\w$]*)\s*(\(|\.[A-Za-z_$])/g)) {
          if (NOT_NAMES.has(match[1]!)) continue;
          // The span's own line when it is on one line of the file, else the comment's first line.
          const at = text.indexOf(whole, comment.pos);
          const line = at < 0 ? comment.line : text.slice(0, at).split('\n').length;
          found.push({ name: match[1]!, at: `src/${path}:${line}`, span: whole.slice(1, -1), member: match[2] !== '(' });
        }
      }
    }
  }
  return found;
}

/** The kinds of node whose `name` declares something. */
const DECLARES: Array<(node: ts.Node) => boolean> = [
  ts.isVariableDeclaration,
  ts.isParameter,
  ts.isBindingElement,
  ts.isFunctionDeclaration,
  ts.isFunctionExpression,
  ts.isClassDeclaration,
  ts.isClassExpression,
  ts.isInterfaceDeclaration,
  ts.isTypeAliasDeclaration,
  ts.isEnumDeclaration,
  ts.isEnumMember,
  ts.isModuleDeclaration,
  ts.isMethodDeclaration,
  ts.isPropertyDeclaration,
  ts.isPropertySignature,
  ts.isMethodSignature,
  ts.isGetAccessorDeclaration,
  ts.isSetAccessorDeclaration,
  ts.isPropertyAssignment,
  ts.isShorthandPropertyAssignment,
  ts.isTypeParameterDeclaration,
  ts.isImportSpecifier,
  ts.isImportClause,
  ts.isNamespaceImport,
  ts.isImportEqualsDeclaration,
];

/**
 * Every name a lab's source declares: functions, classes, variables, parameters, members, types, and (unless
 * `imports` is false) the names it imports.
 */
export function declaredNames(files: Map<string, string>, imports = true): Set<string> {
  const names = new Set<string>();
  for (const [path, text] of files) {
    if (!/\.[cm]?[jt]sx?$/.test(path)) continue;
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      const name = (node as { name?: ts.Node }).name;
      const imported = ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isImportEqualsDeclaration(node);
      if (name && (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) && DECLARES.some((is) => is(node)) && (imports || !imported))
        names.add(name.text.replace(/^#/, ''));
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return names;
}

/** The modules whose exports a TODO may name without the lab declaring or importing them. */
const NODE_MODULES = [
  'buffer',
  'fs',
  'path',
  'v8',
  'http',
  'stream',
  'events',
  'util',
  'os',
  'url',
  'crypto',
  'zlib',
  'child_process',
  'worker_threads',
  'perf_hooks',
  'module',
];

/**
 * Globals and node's built-in modules (their names and exports), and apart the methods of global classes
 * (`arrayBuffer()` of a Request, `set()` of a Uint8Array): what any TypeScript file may call.
 */
export async function platformNames(): Promise<{ names: Set<string>; methods: Set<string> }> {
  const names = new Set<string>([...Object.getOwnPropertyNames(globalThis), ...builtinModules.map((m) => m.replace(/^node:/, ''))]);
  const methods = new Set<string>();
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    const value = (globalThis as Record<string, unknown>)[name];
    const prototype = typeof value === 'function' ? (value as { prototype?: object }).prototype : undefined;
    if (prototype) for (const key of Object.getOwnPropertyNames(prototype)) methods.add(key);
  }
  for (const mod of NODE_MODULES) for (const key of Object.keys(await import(/* @vite-ignore */ `node:${mod}`))) names.add(key);
  return { names, methods };
}

/**
 * Everything @hotpath/api exports, from every entry of its package.json "exports" (read with the TypeScript
 * checker, so `export * from './x.ts'` counts), and the members of the classes it exports (a lab's class
 * that extends one calls them: `token()`, `fail()`).
 */
export function apiExports(): Set<string> {
  const api = join(repoRoot, 'shared', 'api');
  const exportsField = JSON.parse(readFileSync(join(api, 'package.json'), 'utf8')).exports as Record<string, string>;
  const entries = Object.values(exportsField).map((file) => join(api, file));
  const program = ts.createProgram(entries, {
    noLib: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
  });
  const checker = program.getTypeChecker();
  const names = new Set<string>();
  for (const entry of entries) {
    const source = program.getSourceFile(entry);
    const symbol = source && checker.getSymbolAtLocation(source);
    if (!symbol) continue;
    for (const exported of checker.getExportsOfModule(symbol)) {
      names.add(exported.getName());
      const target = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      for (const declaration of target.declarations ?? []) {
        if (!ts.isClassDeclaration(declaration)) continue;
        for (const member of declaration.members) if (member.name && ts.isIdentifier(member.name)) names.add(member.name.text);
      }
    }
  }
  return names;
}

/** The README's `**Time:**` line, if it has one. */
export function timeLine(markdown: string): string | undefined {
  return markdown.split('\n').find((line) => line.trim().startsWith('**Time:**'));
}

/** The TODO names of `files` that `known` does not have (a call of its own may also be one of `methods`). */
export function unknownTodoNames(files: Map<string, string>, known: ReadonlySet<string>, methods: ReadonlySet<string> = new Set()): TodoName[] {
  return todoNames(files).filter((todo) => !known.has(todo.name) && (todo.member || !methods.has(todo.name)));
}
