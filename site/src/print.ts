/**
 * Printing a page (a Docusaurus client module, registered in docusaurus.config.ts `clientModules`): before the
 * browser prints, every closed <details> — the lab's hints, the README's spoilers, folded tables — is opened
 * and the page is printed in the light colour scheme (paper is white, and browsers drop dark backgrounds);
 * afterwards both are put back as the reader left them. src/css/print.css does the layout (no navbar, sidebar,
 * TOC or footer; charts, tables and hints kept whole).
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';

/** The attribute marking a <details> this module opened, so afterprint closes only those. */
export const OPENED_FOR_PRINT = 'data-print-opened';

let themeBeforePrint: string | null | undefined;

export function openForPrint(root: Document = document): void {
  for (const details of root.querySelectorAll<HTMLDetailsElement>('details:not([open])')) {
    details.setAttribute(OPENED_FOR_PRINT, '');
    details.open = true;
  }
  const html = root.documentElement;
  themeBeforePrint = html.getAttribute('data-theme');
  if (themeBeforePrint === 'dark') html.setAttribute('data-theme', 'light');
}

export function restoreAfterPrint(root: Document = document): void {
  for (const details of root.querySelectorAll<HTMLDetailsElement>(`details[${OPENED_FOR_PRINT}]`)) {
    details.open = false;
    details.removeAttribute(OPENED_FOR_PRINT);
  }
  if (themeBeforePrint === 'dark') root.documentElement.setAttribute('data-theme', 'dark');
  themeBeforePrint = undefined;
}

if (ExecutionEnvironment.canUseDOM) {
  window.addEventListener('beforeprint', () => openForPrint());
  window.addEventListener('afterprint', () => restoreAfterPrint());
}
