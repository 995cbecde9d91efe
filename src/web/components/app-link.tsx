/**
 * A link to another screen of the app: a real `<a href>` (so it opens in a new tab, reads as a
 * link and works without script), moving in place without a reload on a plain click.
 */
import type { ComponentChildren } from 'preact';
import { linkClick } from '../router.ts';

/** The link; `class` styles it (for example "button secondary"). */
export function AppLink(props: { href: string; class?: string; children: ComponentChildren }) {
  return (
    <a
      class={props.class}
      href={props.href}
      onClick={(event) => {
        linkClick(event, props.href);
      }}
    >
      {props.children}
    </a>
  );
}
