/**
 * A paragraph of core's text segments as HTML: names stand out a little, and a person's own words
 * are quoted and tinted in their colour, so it is always clear which words are whose. Everything
 * is rendered as text, never as markup, so nothing anyone wrote can become part of the page.
 */
import type { TextParagraph } from '../../core/cycles/index.ts';

/** Which of the two people a colour belongs to: the first (me) or the second. */
export type PersonTone = 'first' | 'second';

/** The tone of each person id; people not listed get the first tone. */
export type ToneOf = (personId: string) => PersonTone;

/** One paragraph. */
export function CycleTextParagraph(props: {
  readonly paragraph: TextParagraph;
  readonly toneOf: ToneOf;
}) {
  return (
    <p>
      {props.paragraph.map((segment, index) => {
        switch (segment.kind) {
          case 'text':
            return segment.text;
          case 'name':
            return (
              <strong key={index} class={`person-name tone-${props.toneOf(segment.personId)}`}>
                {segment.text}
              </strong>
            );
          case 'own-words':
            return (
              <q key={index} class={`own-words tone-${props.toneOf(segment.personId)}`}>
                {segment.text}
              </q>
            );
        }
      })}
    </p>
  );
}

/** A tone function for two people: `firstId` gets the first tone, everyone else the second. */
export function toneFor(firstId: string): ToneOf {
  return (personId) => (personId === firstId ? 'first' : 'second');
}
