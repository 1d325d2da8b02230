/**
 * One runtime choice for all the figure blocks of a page. RuntimeProvider holds it (default: the newest Node
 * major the page has; the reader's last pick, remembered in localStorage, once the page runs in a browser);
 * RuntimePicker is the control — a labelled group of buttons with aria-pressed, one per runtime, shown when a
 * page has more than one; RuntimeNote is the line each block starts with, naming the runtime it shows (and
 * saying so when the block was not measured on the one picked). Rendered on the server with the default, so
 * without JavaScript the page shows the default runtime's figures and says which; the buttons wait, disabled,
 * until the page is live.
 */
import type React from 'react';
import { createContext, useContext, useEffect, useId, useState } from 'react';
import type { SiteRuntime } from '../../plugins/result-runtime';
import { defaultRuntimeId } from './runtime-choice';

/** The localStorage key of the reader's pick (a runtime id: 'node26'). */
export const RUNTIME_STORAGE_KEY = 'hotpath.runtime';

interface Choice {
  runtimes: SiteRuntime[];
  chosen: string | undefined;
  choose: (id: string) => void;
}

const RuntimeContext = createContext<Choice>({ runtimes: [], chosen: undefined, choose: () => {} });

export function RuntimeProvider({ runtimes, children }: { runtimes: SiteRuntime[]; children: React.ReactNode }): React.ReactElement {
  const fallback = defaultRuntimeId(runtimes);
  const [chosen, setChosen] = useState(fallback);
  const ids = runtimes.map((r) => r.id).join(' ');
  useEffect(() => {
    let saved: string | null = null;
    try {
      saved = window.localStorage.getItem(RUNTIME_STORAGE_KEY);
    } catch {
      // Storage refused (privacy settings): the default stays.
    }
    setChosen(saved && ids.split(' ').includes(saved) ? saved : fallback);
  }, [ids, fallback]);
  const choose = (id: string) => {
    setChosen(id);
    try {
      window.localStorage.setItem(RUNTIME_STORAGE_KEY, id);
    } catch {
      // Not remembered, still applied.
    }
  };
  return <RuntimeContext.Provider value={{ runtimes, chosen, choose }}>{children}</RuntimeContext.Provider>;
}

/** The id of the runtime picked for this page (undefined outside a provider, or on a page without results). */
export function useRuntimeChoice(): string | undefined {
  return useContext(RuntimeContext).chosen;
}

/** The control: nothing when the page has one runtime or none (each block still names its runtime). */
export function RuntimePicker(): React.ReactElement | null {
  const { runtimes, chosen, choose } = useContext(RuntimeContext);
  const [live, setLive] = useState(false);
  useEffect(() => setLive(true), []);
  const id = useId();
  if (runtimes.length < 2) return null;
  const shown = runtimes.find((r) => r.id === chosen);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring its own border and legend layout into the navbar
    <div className="hp-runtime-picker" role="group" aria-labelledby={`${id}-label`} data-live={live ? 'true' : undefined}>
      <span id={`${id}-label`}>Measured on</span>
      {runtimes.map((r) => (
        <button
          key={r.id}
          type="button"
          className={`button button--sm ${r.id === chosen ? 'button--primary' : 'button--secondary'}`}
          aria-pressed={r.id === chosen}
          disabled={!live}
          title={r.caption}
          onClick={() => choose(r.id)}
        >
          {r.name}
        </button>
      ))}
      <noscript>
        <span> Showing {shown?.caption ?? 'the default runtime'}; the other runtimes' figures need JavaScript (or read the results files named below).</span>
      </noscript>
    </div>
  );
}

/** The line a figure block starts with: the runtime it shows, and when that is not the one picked, why ("the start-up table"). */
export function RuntimeNote({ runtime, instead, what }: { runtime: SiteRuntime; instead: boolean; what: string }): React.ReactElement {
  const { runtimes, chosen } = useContext(RuntimeContext);
  const picked = runtimes.find((r) => r.id === chosen);
  return (
    <p className="hp-runtime" data-runtime={runtime.id}>
      Runtime: <strong>{runtime.caption}</strong>
      {instead && picked ? ` — no ${picked.name} run of ${what} is committed` : ''}
    </p>
  );
}
