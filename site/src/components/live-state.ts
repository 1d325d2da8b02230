/**
 * The learner's progress, live: `useProgress()` starts as the state read when the site was built (global data
 * of plugins/progress-data.ts) and, in the browser, polls the site's own server (`GET /api/progress`,
 * site/server/serve.ts) every 2 s while the page is visible, so the Progress page, the sidebar's done marks
 * and the charts' "yours" bars follow each `pnpm lab test` and `pnpm lab bench` without a rebuild. One poll
 * for the whole page, however many components read it. Where there is no live API (the site hosted as static
 * files: a 404, the build's copy of the build-time state, or a page that is not JSON) it stops polling and the
 * build-time state stays.
 */
import { useSyncExternalStore } from 'react';
import { usePluginData } from '@docusaurus/useGlobalData';
import type { ProgressState } from '../../server/progress';

export type { LabProgress, ProgressState, TargetLine } from '../../server/progress';

/** How often the page asks while visible. */
export const POLL_MS = 2000;
const API = '/api/progress';

let live: ProgressState | null = null;
let lastText = '';
let absent = false;
let timer: ReturnType<typeof setTimeout> | undefined;
let inFlight = false;
const listeners = new Set<() => void>();

function schedule(delay = POLL_MS): void {
  clearTimeout(timer);
  timer = undefined;
  if (absent || listeners.size === 0 || document.visibilityState === 'hidden') return;
  timer = setTimeout(poll, delay);
}

async function poll(): Promise<void> {
  if (inFlight) return;
  inFlight = true;
  try {
    const response = await fetch(API, { cache: 'no-store', headers: { accept: 'application/json' } });
    // No live API here (a static host): a 404, the build's own copy of the build-time state (source 'build'),
    // or a page that is not JSON at all. The build-time state stays, and the polling stops.
    if (response.status === 404) return void (absent = true);
    const text = await response.text();
    if (!response.ok || text === lastText) return;
    let state: ProgressState;
    try {
      state = JSON.parse(text) as ProgressState;
    } catch {
      return void (absent = true);
    }
    if (state.source !== 'live' || !Array.isArray(state.labs)) return void (absent = true);
    lastText = text;
    live = state;
    for (const listener of listeners) listener();
  } catch {
    // The server restarting, or the network down for a moment: ask again at the next tick.
  } finally {
    inFlight = false;
    schedule();
  }
}

const onVisibility = () => (document.visibilityState === 'visible' ? schedule(0) : schedule());

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    document.addEventListener('visibilitychange', onVisibility);
    schedule(0);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** The learner's progress: live from the site's server when it answers, else as it was when the site was built. */
export function useProgress(): ProgressState {
  const built = usePluginData('hotpath-progress') as ProgressState;
  const current = useSyncExternalStore(
    subscribe,
    () => live,
    () => null,
  );
  return current ?? built;
}

/** One lab's progress, by slug. */
export function useLabProgress(slug: string): ProgressState['labs'][number] | undefined {
  return useProgress().labs.find((lab) => lab.slug === slug);
}
