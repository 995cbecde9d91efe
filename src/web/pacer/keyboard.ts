/**
 * Pause with one key: Space pauses and resumes a practice from anywhere on the page, except
 * where Space already means something (typing, or pressing a focused button or checkbox, which
 * then does its own job, so nothing toggles twice).
 */
import { useEffect, useRef } from 'preact/hooks';

/** The parts of a keydown the decision needs. */
export interface KeyLike {
  readonly key: string;
  readonly repeat: boolean;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
  readonly target: { readonly tagName?: string; readonly isContentEditable?: boolean; getAttribute?: (name: string) => string | null } | null;
}

const TAKES_SPACE = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY', 'AUDIO', 'VIDEO']);
const ROLES_TAKING_SPACE = new Set(['button', 'checkbox', 'radio', 'switch', 'link', 'menuitem', 'option', 'tab', 'slider', 'textbox']);

/** Whether this key press should pause or resume. */
export function spaceTogglesPause(event: KeyLike): boolean {
  if (event.key !== ' ' && event.key !== 'Spacebar') return false;
  if (event.repeat || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  const target = event.target;
  if (target === null) return true;
  if (target.isContentEditable === true) return false;
  if (target.tagName !== undefined && TAKES_SPACE.has(target.tagName.toUpperCase())) return false;
  const role = target.getAttribute?.('role');
  return !(role !== null && role !== undefined && ROLES_TAKING_SPACE.has(role));
}

/** While `active`, Space calls `toggle` (see `spaceTogglesPause`). */
export function useSpaceToPause(active: boolean, toggle: () => void): void {
  const latest = useRef(toggle);
  latest.current = toggle;
  useEffect(() => {
    if (!active) return undefined;
    const onKey = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? (event.target as HTMLElement) : null;
      if (!spaceTogglesPause({ key: event.key, repeat: event.repeat, altKey: event.altKey, ctrlKey: event.ctrlKey, metaKey: event.metaKey, shiftKey: event.shiftKey, target })) return;
      event.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [active]);
}
