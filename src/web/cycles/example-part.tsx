/**
 * What each step of the worked example shows beside its words: the story, one side, the two of
 * them choosing to look, the pattern, the loop, what lay underneath, their name and plan, and the
 * way to start one's own. Everything comes from core's example, built by the same rules and
 * described by the same words as a real map; nothing here talks to the server.
 */
import {
  WORKED_EXAMPLE_NAME,
  WORKED_EXAMPLE_PEOPLE,
  WORKED_EXAMPLE_PLAN,
  WORKED_EXAMPLE_SETTING,
  cycleMapViewFor,
  paragraphPlainText,
  workedExampleDescription,
  workedExampleMapState,
  workedExamplePeople,
  type WalkthroughFocus,
} from '../../core/cycles/index.ts';
import { LearnLink } from '../learn/learn-link.tsx';
import { linkClick } from '../router.ts';
import { US_PATH } from '../us/us-routes.ts';
import type { ReceivedCycleMap } from './cycle-api.ts';
import { WhereWeStand } from './look-together.tsx';
import { LoopDiagram } from './loop-diagram.tsx';
import { PatternSection } from './pattern-section.tsx';
import { PlanSummary } from './plan-summary.tsx';
import { SideSummary } from './side-summary.tsx';
import { CycleTextParagraph, toneFor } from './text-paragraph.tsx';

const PEOPLE = workedExamplePeople();
const NOOR_ID = WORKED_EXAMPLE_PEOPLE.noor.personId;
const toneOf = toneFor(NOOR_ID);

/** The example map as Noor sees it: both sides done, both ready to look. */
function exampleMapForNoor(): ReceivedCycleMap | null {
  return cycleMapViewFor(workedExampleMapState(), NOOR_ID);
}

function Underneath() {
  // The description's own paragraph about what lies underneath, so the words match a real map.
  const paragraphs = workedExampleDescription().paragraphs.filter((paragraph) =>
    paragraphPlainText(paragraph).startsWith('Underneath'),
  );
  return (
    <div class="card">
      {paragraphs.map((paragraph, index) => (
        <CycleTextParagraph key={index} paragraph={paragraph} toneOf={toneOf} />
      ))}
    </div>
  );
}

function StartYourOwn() {
  return (
    <div class="card screen">
      <p>
        Mapping your own starts in “Between us”: invite the person, then each of you fills in your
        side, alone, whenever you like.
      </p>
      <div class="button-row">
        <a
          class="button"
          href={US_PATH}
          onClick={(event) => {
            linkClick(event, US_PATH);
          }}
        >
          Go to Between us
        </a>
      </div>
      <p>
        <LearnLink cardId="the-cycle" label="Read more about the loop" />
      </p>
    </div>
  );
}

/** The part of the example a step points at. `headingId` is unique per step on the page. */
export function ExamplePart(props: {
  readonly focus: WalkthroughFocus;
  readonly headingId: string;
}) {
  const { focus } = props;
  switch (focus.kind) {
    case 'setting':
      return (
        <div class="card example-setting">
          {WORKED_EXAMPLE_SETTING.map((sentence) => (
            <p key={sentence}>{sentence}</p>
          ))}
        </div>
      );
    case 'side': {
      const person = focus.personId === NOOR_ID ? PEOPLE.noor : PEOPLE.eli;
      return (
        <div class={`card side-details tone-${toneOf(person.personId)}`}>
          <SideSummary side={person.side} name={person.name} tone={toneOf(person.personId)} />
        </div>
      );
    }
    case 'looking-together': {
      const map = exampleMapForNoor();
      return map === null ? null : (
        <WhereWeStand map={map} myName={PEOPLE.noor.name} theirName={PEOPLE.eli.name} />
      );
    }
    case 'pattern':
      return (
        <PatternSection
          me={PEOPLE.noor}
          you={PEOPLE.eli}
          headingId={props.headingId}
          headingLevel={3}
        />
      );
    case 'loop':
      return (
        <div class="card">
          <LoopDiagram me={PEOPLE.noor} you={PEOPLE.eli} />
        </div>
      );
    case 'underneath':
      return <Underneath />;
    case 'name-and-plan':
      return (
        <div class="card">
          <p class="cycle-name-big">
            <q>{WORKED_EXAMPLE_NAME}</q>
          </p>
          <PlanSummary plan={WORKED_EXAMPLE_PLAN} />
        </div>
      );
    case 'start-your-own':
      return <StartYourOwn />;
  }
}
