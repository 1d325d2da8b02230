/**
 * Presenting mode, for an instructor at a projector: a navbar button (aria-pressed) that hides the docs
 * sidebar and the table of contents and enlarges the type, charts included (src/css/screens.css keys it on
 * <html data-hp-presenting>). Off by default; remembered in localStorage. An attribute, not a class: Docusaurus
 * rewrites <html class> on every navigation. Charts hear the `hp-presenting` event and lay out again.
 */
import { useEffect, useSyncExternalStore } from 'react';

export const PRESENTING_KEY = 'hotpath-presenting';
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const isOn = () => document.documentElement.hasAttribute('data-hp-presenting');

function setPresenting(on: boolean, remember = true) {
  if (remember) {
    try {
      if (on) localStorage.setItem(PRESENTING_KEY, 'on');
      else localStorage.removeItem(PRESENTING_KEY);
    } catch {
      // Storage may be off (private windows): the mode still switches, it is just not remembered.
    }
  }
  document.documentElement.toggleAttribute('data-hp-presenting', on);
  for (const listener of listeners) listener();
  window.dispatchEvent(new Event('hp-presenting'));
}

export default function PresentingToggle({ mobile }: { mobile?: boolean }) {
  const on = useSyncExternalStore(subscribe, isOn, () => false);
  useEffect(() => {
    let stored = false;
    try {
      stored = localStorage.getItem(PRESENTING_KEY) === 'on';
    } catch {
      // No storage: off.
    }
    if (stored !== isOn()) setPresenting(stored, false);
  }, []);
  const button = (
    <button
      type="button"
      className={`hp-presenting-toggle ${mobile ? 'menu__link' : 'navbar__item navbar__link'}`}
      aria-pressed={on}
      title="Presenting mode: hide the sidebar and the table of contents, enlarge the type"
      onClick={() => setPresenting(!on)}
    >
      Presenting
    </button>
  );
  return mobile ? <li className="menu__list-item">{button}</li> : button;
}
