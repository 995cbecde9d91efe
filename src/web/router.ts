/**
 * A very small router over the History API: the path picks the screen, and links call
 * `navigate` so the page never reloads.
 */
import { useEffect, useState } from 'preact/hooks';

/** The current location as the app cares about it. */
export interface Route {
  readonly path: string;
  readonly hash: string;
}

function currentRoute(): Route {
  return { path: window.location.pathname, hash: window.location.hash.replace(/^#/, '') };
}

const listeners = new Set<() => void>();

/** Moves to `to` without reloading, and tells every screen. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace === true) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const listener of listeners) listener();
  window.scrollTo(0, 0);
}

/** The current route, updated on navigation and on the back button. */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const update = () => {
      setRoute(currentRoute());
    };
    listeners.add(update);
    window.addEventListener('popstate', update);
    return () => {
      listeners.delete(update);
      window.removeEventListener('popstate', update);
    };
  }, []);
  return route;
}

/** Click handler for in-app links: lets modified clicks open new tabs as usual. */
export function linkClick(event: MouseEvent, to: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(to);
}
