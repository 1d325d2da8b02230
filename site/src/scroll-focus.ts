/**
 * Keyboard access to what scrolls sideways (a client module, docusaurus.config.ts `clientModules`): a table
 * or a code block wider than its column scrolls inside its own box, and a keyboard user can only scroll what
 * can take focus (WCAG 2.1.1; axe's scrollable-region-focusable). So such a box gets tabindex="0" while it
 * overflows, and loses it again once it fits — checked whenever it resizes (a <details> opening, a narrower
 * window) or its content changes. Docusaurus's own code blocks already carry tabindex="0" and are left alone.
 */
import type { ClientModule } from '@docusaurus/types';

const BOXES = 'table, pre';
/** Marks a tabindex this module set, so only that one is ever taken away. */
const MARK = 'data-hp-scroll-focus';

function update(box: Element): void {
  const overflows = box.scrollWidth > box.clientWidth + 1;
  if (overflows && !box.hasAttribute('tabindex')) {
    box.setAttribute('tabindex', '0');
    box.setAttribute(MARK, '');
  } else if (!overflows && box.hasAttribute(MARK)) {
    box.removeAttribute('tabindex');
    box.removeAttribute(MARK);
  }
}

let resized: ResizeObserver | undefined;

function watch(root: Element | Document): void {
  if (root instanceof Element && root.matches(BOXES)) resized!.observe(root);
  for (const box of root.querySelectorAll(BOXES)) resized!.observe(box);
}

function start(): void {
  if (resized || typeof ResizeObserver === 'undefined') return;
  resized = new ResizeObserver((entries) => {
    for (const entry of entries) update(entry.target);
  });
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) watch(node);
      const box = (record.target instanceof Element ? record.target : record.target.parentElement)?.closest(BOXES);
      if (box) update(box);
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  watch(document);
}

/** Docusaurus calls it after every render of a route, the first one included. */
export const onRouteDidUpdate: ClientModule['onRouteDidUpdate'] = () => start();
