/**
 * A repository file's text as a source page shows it (SourcePage.tsx): highlighted by prism-react-renderer in
 * the site's Prism theme, one line per row, each with an anchor (`#L28`) and its number as a link. A hash
 * `#L28-L34` (or `#L28`) marks those lines and scrolls the first into view below the navbar; clicking a line
 * number sets the hash to that line, shift-clicking extends it into a range. Long lines wrap, never hidden.
 * Colours: the Prism themes of docusaurus.config.ts, the dark one while the page is in dark mode.
 */
import type React from 'react';
import { useCallback, useEffect, useState } from 'react';
import { Highlight, type PrismTheme } from 'prism-react-renderer';
import useBrokenLinks from '@docusaurus/useBrokenLinks';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';

type Range = [number, number];

/** `#L28-L34` → [28, 34]; `#L28` → [28, 28]; anything else → undefined. */
export function parseRange(hash: string): Range | undefined {
  const m = /^#L(\d+)(?:-L(\d+))?$/.exec(hash);
  if (!m) return undefined;
  const a = Number(m[1]);
  const b = m[2] ? Number(m[2]) : a;
  return [Math.min(a, b), Math.max(a, b)];
}

/** The site's Prism theme for the colour mode the page is in (read from <html data-theme>, as it changes). */
function useSitePrismTheme(): PrismTheme {
  const { siteConfig } = useDocusaurusContext();
  const prism = siteConfig.themeConfig.prism as { theme: PrismTheme; darkTheme?: PrismTheme };
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const html = document.documentElement;
    const read = () => setDark(html.dataset.theme === 'dark');
    read();
    const observer = new MutationObserver(read);
    observer.observe(html, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return dark && prism.darkTheme ? prism.darkTheme : prism.theme;
}

export default function SourceListing({
  code,
  language,
  anchors = [],
  shown,
}: {
  code: string;
  language: string;
  anchors?: string[];
  shown: (range: Range | undefined) => void;
}) {
  const theme = useSitePrismTheme();
  // The build's broken-anchor check: each line's id, and the ranges the lab pages link to.
  const brokenLinks = useBrokenLinks();
  for (const anchor of anchors) brokenLinks.collectAnchor(anchor);
  const [range, setRange] = useState<Range | undefined>(undefined);
  const pick = useCallback(
    (next: Range | undefined, scroll: boolean) => {
      setRange(next);
      shown(next);
      if (next && scroll) requestAnimationFrame(() => document.getElementById(`L${next[0]}`)?.scrollIntoView({ block: 'start' }));
    },
    [shown],
  );
  useEffect(() => {
    const fromHash = () => pick(parseRange(window.location.hash), true);
    fromHash();
    window.addEventListener('hashchange', fromHash);
    return () => window.removeEventListener('hashchange', fromHash);
  }, [pick]);
  const onNumber = (line: number) => (event: React.MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    const next: Range = event.shiftKey && range ? [Math.min(range[0], line), Math.max(range[0], line)] : [line, line];
    window.history.pushState(window.history.state, '', next[0] === next[1] ? `#L${next[0]}` : `#L${next[0]}-L${next[1]}`);
    pick(next, false);
  };
  return (
    <Highlight code={code.replace(/\n$/, '')} language={language} theme={theme}>
      {({ className, style, tokens, getLineProps, getTokenProps }) => (
        <pre className={`${className} hp-source`} style={style}>
          <code>
            {tokens.map((line, i) => {
              const n = i + 1;
              const marked = range !== undefined && n >= range[0] && n <= range[1];
              const props = getLineProps({ line });
              brokenLinks.collectAnchor(`L${n}`);
              return (
                <span key={n} {...props} id={`L${n}`} className={`${props.className} hp-line${marked ? ' hp-line-marked' : ''}`} data-line={n}>
                  <a className="hp-line-number" href={`#L${n}`} onClick={onNumber(n)}>
                    {n}
                  </a>
                  <span className="hp-line-text">
                    {line.map((token, key) => (
                      <span key={key} {...getTokenProps({ token })} />
                    ))}
                    {'\n'}
                  </span>
                </span>
              );
            })}
          </code>
        </pre>
      )}
    </Highlight>
  );
}
