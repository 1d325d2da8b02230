/**
 * Remark plugin for the lab pages (labs/NN-slug/README.md only): places what the site adds to a README where it
 * helps, as real headings — so the docs plugin's heading ids and table of contents include them (it runs in
 * `beforeDefaultRemarkPlugins`) — never repeating a README heading:
 *
 * - after each step's section ("### Step 3 — …", shared/kit/src/readme-steps.ts), "Hints for step 3": that
 *   step's hints from the manifest (the ones `pnpm lab hint NN --step 3` prints), each folded (<LabHint>, a
 *   <details>), its markdown body parsed as markdown — `code`, *emphasis*, paragraphs — so the terminal's hard
 *   line breaks vanish;
 * - at the end of the README's own "## Hints" section, links to those per-step headings and, folded, the hints
 *   tied to no step (going further);
 * - at the end of "## Checkpoint", "Checkpoint chart" (<LabCheckpointChart>) and, for a lab with committed
 *   start-up results (lab 05), "Start-up table" (<LabStartupTable>); the capstone (<LabCapstone>) and its
 *   "Cost estimate" (<LabCostEstimate>) at the end of the README's "## The capstone" (else after the rest).
 *
 * The components are MDX JSX nodes, resolved through src/theme/MDXComponents.tsx (a `.md` page compiles with
 * MDX's `md` format; Docusaurus passes MDX JSX nodes through it). They share the page's one runtime choice
 * (src/theme/DocItem/Content wraps the page in a RuntimeProvider).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString as textOf } from 'mdast-util-to-string';
import { gfm } from 'micromark-extension-gfm';
import { labs, type Hint, type LabEntry } from '@hotpath/workshop/manifest';
import { stepOfHeading } from '@hotpath/kit/readme-steps';
import { loadLabResults, type LabResults } from './lab-results.ts';
import { repoRoot } from './repo-links.ts';

interface MdNode {
  type: string;
  depth?: number;
  name?: string | null;
  value?: string;
  url?: string;
  attributes?: Array<{ type: 'mdxJsxAttribute'; name: string; value: string }>;
  children?: MdNode[];
  data?: { hProperties?: Record<string, unknown> };
  position?: unknown;
}

/** The ids of what the plugin adds (the browser tests and older links use the figure ones). */
export const SECTION_IDS = {
  stepHints: (step: number) => `hints-for-step-${step}`,
  chart: 'checkpoint-chart',
  startup: 'startup-table',
  capstone: 'capstone-lab-00-vs-the-final-binary',
  cost: 'capstone-cost-estimate',
} as const;

const text = (value: string): MdNode => ({ type: 'text', value });
const heading = (depth: number, title: string, id: string): MdNode => ({ type: 'heading', depth, children: [text(title)], data: { hProperties: { id } } });
const jsx = (name: string, attributes: Record<string, string>, children: MdNode[] = []): MdNode => ({
  type: 'mdxJsxFlowElement',
  name,
  attributes: Object.entries(attributes).map(([key, value]) => ({ type: 'mdxJsxAttribute', name: key, value })),
  children,
});

/** Markdown text as mdast, positions dropped (they point into the manifest, not the README). */
function parse(markdown: string): MdNode[] {
  const strip = (node: MdNode): MdNode => ({ ...node, position: undefined, children: node.children?.map(strip) });
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as MdNode;
  return tree.children!.map(strip);
}

/** One hint, folded: "Hint 3 — title" opens its body, rendered as markdown. */
function hintNode(lab: LabEntry, hint: Hint): MdNode {
  const title = parse(hint.title)[0]?.children ?? [text(hint.title)];
  const summary = jsx('summary', {}, [text(`Hint ${lab.hints.indexOf(hint) + 1} — `), ...title]);
  return jsx('LabHint', { step: hint.step === undefined ? 'further' : String(hint.step) }, [summary, ...parse(hint.body)]);
}

const nn = (lab: LabEntry) => String(lab.number).padStart(2, '0');

/** Where the section a heading opens ends: the next heading of its level or above, or the end. */
function sectionEnd(children: MdNode[], at: number): number {
  const depth = children[at]!.depth!;
  const next = children.findIndex((node, i) => i > at && node.type === 'heading' && node.depth! <= depth);
  return next === -1 ? children.length : next;
}

const findSection = (children: MdNode[], depth: number, title: string) =>
  children.findIndex((node) => node.type === 'heading' && node.depth === depth && textOf(node).trim() === title);

let results: { overlay: string | undefined; labs: Record<string, LabResults> } | undefined;
function labResults(overlay: string | undefined): Record<string, LabResults> {
  if (!results || results.overlay !== overlay) results = { overlay, labs: loadLabResults(repoRoot, overlay) };
  return results.labs;
}

/** The nodes to add to a lab README's top-level children, by the index they go before. */
function additions(lab: LabEntry, children: MdNode[], extra: LabResults | undefined): Map<number, MdNode[]> {
  const add = new Map<number, MdNode[]>();
  const put = (at: number, nodes: MdNode[]) => add.set(at, [...(add.get(at) ?? []), ...nodes]);

  // Each step's hints after its section.
  const placed = new Set<number>();
  children.forEach((node, i) => {
    const step = node.type === 'heading' ? stepOfHeading(textOf(node)) : undefined;
    const hints = lab.hints.filter((hint) => step !== undefined && hint.step === step);
    if (step === undefined || hints.length === 0 || placed.has(step)) return;
    placed.add(step);
    put(sectionEnd(children, i), [
      heading(node.depth! + 1, `Hints for step ${step}`, SECTION_IDS.stepHints(step)),
      {
        type: 'paragraph',
        children: [
          text('From a nudge to nearly the answer: open one at a time (in the terminal: '),
          { type: 'inlineCode', value: `pnpm lab hint ${nn(lab)} --step ${step}` },
          text(').'),
        ],
      },
      ...hints.map((hint) => hintNode(lab, hint)),
    ]);
  });

  // The README's own Hints section: links to those, and the hints of no step (or of a step with no heading).
  const rest = lab.hints.filter((hint) => hint.step === undefined || !placed.has(hint.step));
  const links = [...placed]
    .sort((a, b) => a - b)
    .map((step) => {
      const count = lab.hints.filter((hint) => hint.step === step).length;
      const item: MdNode = { type: 'link', url: `#${SECTION_IDS.stepHints(step)}`, children: [text(`Hints for step ${step}`)] };
      return {
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children: [item, text(` (${count} ${count === 1 ? 'hint' : 'hints'})`)] }],
      } as MdNode;
    });
  const hintsAt = findSection(children, 2, 'Hints');
  const forHints: MdNode[] = [];
  if (links.length > 0)
    forHints.push({ type: 'paragraph', children: [text("Each step's hints follow that step:")] }, {
      type: 'list',
      ordered: false,
      spread: false,
      children: links,
    } as MdNode);
  if (rest.length > 0) {
    forHints.push({
      type: 'paragraph',
      children: [text('For going further, tied to no step ('), { type: 'inlineCode', value: `pnpm lab hint ${nn(lab)} --further` }, text('):')],
    });
    forHints.push(...rest.map((hint) => hintNode(lab, hint)));
  }
  if (forHints.length > 0)
    put(hintsAt === -1 ? children.length : sectionEnd(children, hintsAt), hintsAt === -1 ? [heading(2, 'Hints', 'hints'), ...forHints] : forHints);

  // The figures: the chart (and start-up table) closing the Checkpoint section, the capstone closing its own.
  const checkpointAt = findSection(children, 2, 'Checkpoint');
  const figuresAt = checkpointAt === -1 ? children.length : sectionEnd(children, checkpointAt);
  const slug = { slug: lab.slug };
  put(figuresAt, [heading(3, 'Checkpoint chart', SECTION_IDS.chart), jsx('LabCheckpointChart', slug)]);
  if (extra?.startup.length) {
    put(figuresAt, [
      jsx('section', { 'aria-labelledby': SECTION_IDS.startup }, [heading(3, 'Start-up table', SECTION_IDS.startup), jsx('LabStartupTable', slug)]),
    ]);
  }
  if (extra?.capstone.length) {
    const capstoneAt = findSection(children, 2, 'The capstone');
    put(capstoneAt === -1 ? figuresAt : sectionEnd(children, capstoneAt), [
      jsx('section', { 'aria-labelledby': SECTION_IDS.capstone }, [
        heading(3, 'Capstone: lab 00 vs the final binary', SECTION_IDS.capstone),
        jsx('LabCapstone', slug),
        heading(4, 'Cost estimate', SECTION_IDS.cost),
        jsx('LabCostEstimate', slug),
      ]),
    ]);
  }
  return add;
}

/** The remark plugin (options: the site's results overlay, as the lab-results plugin gets it). */
export function labSections(options: { resultsOverlay?: string } = {}) {
  return (tree: MdNode, file: { path?: string }) => {
    const slug = /labs\/(\d\d-[a-z0-9-]+)\/README\.md$/.exec(file.path ?? '')?.[1];
    const lab = labs.find((entry) => entry.slug === slug);
    if (!lab || !tree.children) return;
    const add = additions(lab, tree.children, labResults(options.resultsOverlay)[lab.slug]);
    for (const at of [...add.keys()].sort((a, b) => b - a)) tree.children.splice(at, 0, ...add.get(at)!);
  };
}
