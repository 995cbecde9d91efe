/**
 * Loads a screen's code only when someone opens it, so the first page stays small.
 */
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** A screen module: its default export is the screen. */
export type ScreenModule<P> = { default: ComponentType<P> };

/** Renders the screen from `load()` once it has arrived, with a quiet placeholder until then. */
export function lazyScreen<P extends object>(load: () => Promise<ScreenModule<P>>): ComponentType<P> {
  let loaded: ComponentType<P> | null = null;
  return function LazyScreen(props: P) {
    const [Screen, setScreen] = useState<ComponentType<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (Screen) return;
      load().then(
        (module) => {
          sessionStorage.removeItem('attune.reloadedForNewVersion');
          loaded = module.default;
          setScreen(() => module.default);
        },
        () => {
          // After a new version is deployed, an open tab asks for chunks that no longer exist:
          // reload once to pick up the new version, and only show the message if that fails too.
          const key = 'attune.reloadedForNewVersion';
          if (sessionStorage.getItem(key) === null) {
            sessionStorage.setItem(key, String(Date.now()));
            window.location.reload();
            return;
          }
          setFailed(true);
        },
      );
    }, [Screen]);
    if (failed) {
      return (
        <p class="notice" role="alert">
          This part of Attune could not be loaded. Check your connection, then reload the page.
        </p>
      );
    }
    return Screen ? <Screen {...props} /> : <p class="loading" aria-live="polite">Loading…</p>;
  };
}
