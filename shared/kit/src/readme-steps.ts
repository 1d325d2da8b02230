/**
 * The steps of a lab README: each is a heading "Step N — what to do (files)" (`### Step 3 — the route table
 * …`; lab 00's are `##`), so a step can be linked (`/labs/01-slim-builder#step-3--…`) and the site can put
 * a step's hints right after its section (site/plugins/lab-sections.ts). `pnpm lab hint NN --step K` and the
 * manifest's `step` on each hint count these steps; test/manifest.test.ts keeps the two in agreement.
 */

/** The text of a step heading, as mdast's toString gives it: "Step 3 — the route table … (src/routes.ts)". */
export const STEP_HEADING = /^Step (\d+) — \S/;

/** The step number of a heading's text, or undefined when the heading is not a step. */
export function stepOfHeading(text: string): number | undefined {
  const match = STEP_HEADING.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

export interface ReadmeStep {
  step: number;
  /** The heading's text after the `#`s. */
  title: string;
  /** 1-based line of the heading. */
  line: number;
  /** Heading level: 2 for `##`, 3 for `###`. */
  depth: number;
}

/** The step headings of a README, in order (fenced code blocks skipped). */
export function readmeSteps(markdown: string): ReadmeStep[] {
  const steps: ReadmeStep[] = [];
  let fence: string | undefined;
  markdown.split('\n').forEach((text, i) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) fence = fence === undefined ? marker : undefined;
    if (fence !== undefined) return;
    const heading = /^(#{2,6}) (.+?)\s*#*\s*$/.exec(text);
    const step = heading ? stepOfHeading(heading[2]!) : undefined;
    if (heading && step !== undefined) steps.push({ step, title: heading[2]!, line: i + 1, depth: heading[1]!.length });
  });
  return steps;
}

/** Lines that still write a step as bold text ("**Step 3 — …**"): each should be a heading. */
export function boldSteps(markdown: string): number[] {
  return markdown.split('\n').flatMap((text, i) => (/^\s*(?:\d+\.\s+)?\*\*Step \d+\b/.test(text) ? [i + 1] : []));
}
