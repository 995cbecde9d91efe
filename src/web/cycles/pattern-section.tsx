/**
 * The pattern, named as the shared problem: its plain title, the usual term for those who know
 * it, a small picture of the two leans, and the description in paragraphs with each person's own
 * words quoted in their colour. The words come from core (`cycleDescribe`), so the screen and the
 * worked example say exactly the same thing for the same two sides.
 */
import { useMemo } from 'preact/hooks';
import { cycleDescribe, type CyclePerson, type PersonLean } from '../../core/cycles/index.ts';
import { LeanIcon } from './lean-icon.tsx';
import { CycleTextParagraph, toneFor } from './text-paragraph.tsx';

/** How a lean is said beside a name in the picture. */
const LEAN_WORDS: Readonly<Record<PersonLean, string>> = {
  toward: 'mostly reaches toward',
  away: 'mostly steps back',
  mixed: 'reaches and steps back about equally',
  none: 'named no moves yet',
};

/** The pattern section. `headingId` labels the section; `me` is shown first. */
export function PatternSection(props: {
  readonly me: CyclePerson;
  readonly you: CyclePerson;
  readonly headingId: string;
  /** Focus lands here when the section appears as the result of the person's own tap. */
  readonly headingRef?: { current: HTMLHeadingElement | null };
  /** 2 on the cycle map; 3 inside a step of the worked example (whose step is the region). */
  readonly headingLevel?: 2 | 3;
}) {
  const { me, you } = props;
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const description = useMemo(() => cycleDescribe(me, you), [me, you]);
  const toneOf = toneFor(me.personId);
  return (
    <section
      class="card pattern-section"
      aria-labelledby={props.headingLevel === 3 ? undefined : props.headingId}
    >
      <p class="pattern-kicker">The pattern between you</p>
      <Heading id={props.headingId} tabIndex={-1} ref={props.headingRef}>
        {description.title}
      </Heading>
      <p class="hint">{description.usualTerm}</p>
      <ul class="pattern-leans">
        {description.pattern.leans.map((lean) => {
          const person = lean.personId === me.personId ? me : you;
          return (
            <li key={lean.personId} class={`tone-${toneOf(lean.personId)}`}>
              {(lean.lean === 'toward' || lean.lean === 'away') && <LeanIcon lean={lean.lean} />}
              <span>
                <strong>{person.name}</strong> {LEAN_WORDS[lean.lean]}{' '}
                <span class="hint">
                  ({String(lean.toward)} toward, {String(lean.away)} away)
                </span>
              </span>
            </li>
          );
        })}
      </ul>
      {description.paragraphs.map((paragraph, index) => (
        <CycleTextParagraph key={index} paragraph={paragraph} toneOf={toneOf} />
      ))}
    </section>
  );
}
