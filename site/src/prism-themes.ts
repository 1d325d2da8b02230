/**
 * The code-block themes (docusaurus.config.ts `prism:`): prism-react-renderer's GitHub (light) and Dracula
 * (dark) with every token colour that misses WCAG AA (4.5:1) on the block's background replaced by the same
 * hue, darkened (light) or lightened (dark) until it passes, with room for a highlighted line
 * (rgba(0,0,0,.1) over the block). test/a11y.test.ts checks the rendered pages with axe.
 */
import { themes, type PrismTheme } from 'prism-react-renderer';

/** A theme with some token colours swapped (`from` as the theme writes it → `to`). */
function recolour(theme: PrismTheme, swaps: Record<string, string>): PrismTheme {
  return {
    ...theme,
    styles: theme.styles.map((entry) => {
      const to = entry.style.color === undefined ? undefined : swaps[entry.style.color];
      return to === undefined ? entry : { ...entry, style: { ...entry.style, color: to } };
    }),
  };
}

/** GitHub on #f6f8fa: ratios there before → after (after, over a highlighted line: ≥ 4.6). */
export const lightCode = recolour(themes.github, {
  '#999988': '#626254', // comments 2.71 → 5.81
  '#e3116c': '#be0e5b', // strings 4.32 → 5.80
  '#36acaa': '#226b6a', // numbers, booleans, properties 2.58 → 5.84
  '#00a4db': '#00698c', // keywords, attribute names 2.69 → 5.80
  '#d73a49': '#ba2634', // functions, tags 4.30 → 5.78
});

/** Dracula on #282a36: comments 3.03 → 4.61 (every other token already passes). */
export const darkCode = recolour(themes.dracula, {
  'rgb(98, 114, 164)': '#8592b8',
});
