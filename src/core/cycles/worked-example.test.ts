import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  LONGEST_SENTENCE_WORDS,
  avoidedWordsIn,
  sentencesOf,
} from '../practices/wording-rules.test-support.ts';
import { practiceById } from '../practices/index.ts';
import { cycleSideParse, cycleSideReadinessProblem } from './cycle-side.ts';
import { cycleLoopDiagram } from './cycle-loop-geometry.ts';
import { cycleMapViewFor } from './cycle-map-visibility.ts';
import { paragraphPlainText } from './text-segments.ts';
import {
  ELI_SIDE,
  NOOR_SIDE,
  WORKED_EXAMPLE_NAME,
  WORKED_EXAMPLE_PEOPLE,
  WORKED_EXAMPLE_PLAN,
  WORKED_EXAMPLE_SETTING,
  workedExampleDescription,
  workedExampleMapState,
  workedExamplePeople,
} from './worked-example.ts';
import { WORKED_EXAMPLE_WALKTHROUGH } from './worked-example-walkthrough.ts';

const NOOR = WORKED_EXAMPLE_PEOPLE.noor.personId;
const ELI = WORKED_EXAMPLE_PEOPLE.eli.personId;

/** Every piece of the example a person reads, the generated description and loop included. */
function exampleTexts(): { where: string; text: string }[] {
  const { noor, eli } = workedExamplePeople();
  return [
    ...WORKED_EXAMPLE_SETTING.map((text, index) => ({ where: `setting ${String(index)}`, text })),
    ...[NOOR_SIDE, ELI_SIDE].flatMap((side, index) => [
      { where: `side ${String(index)} sets it off`, text: side.setsItOff },
      { where: `side ${String(index)} story`, text: side.storyAboutOther },
      ...side.moves.own.map((move) => ({
        where: `side ${String(index)} own move`,
        text: move.text,
      })),
      ...side.feelingsUnderneath.own.map((text) => ({
        where: `side ${String(index)} own feeling`,
        text,
      })),
    ]),
    { where: 'name', text: WORKED_EXAMPLE_NAME },
    { where: 'cue', text: WORKED_EXAMPLE_PLAN.cuePhrase },
    ...workedExampleDescription().paragraphs.map((paragraph, index) => ({
      where: `description ${String(index)}`,
      text: paragraphPlainText(paragraph),
    })),
    { where: 'loop', text: cycleLoopDiagram({ me: noor, you: eli, widthPx: 480 }).description },
    ...WORKED_EXAMPLE_WALKTHROUGH.flatMap((step) => [
      { where: `step ${step.id} title`, text: step.title },
      { where: `step ${step.id} body`, text: step.body },
    ]),
  ];
}

void describe('the worked example', () => {
  void test('is a real map, built by the same rules: opened together, named, with a plan', () => {
    const state = workedExampleMapState();
    assert.equal(state.status, 'revealed');
    assert.deepEqual(state.revealedSides, { [NOOR]: NOOR_SIDE, [ELI]: ELI_SIDE });
    assert.equal(state.name, WORKED_EXAMPLE_NAME);
    assert.deepEqual(state.plan, WORKED_EXAMPLE_PLAN);
    assert.ok(
      practiceById(WORKED_EXAMPLE_PLAN.practiceId)?.solo,
      'the pause starts with a practice on your own',
    );
  });

  void test('both sides are sides a person could save and share', () => {
    for (const side of [NOOR_SIDE, ELI_SIDE]) {
      assert.deepEqual(cycleSideParse(side), { ok: true, side });
      assert.equal(cycleSideReadinessProblem(side), null);
    }
  });

  void test('shows one who reaches and one who steps back: Noor reaches, Eli steps back', () => {
    const description = workedExampleDescription();
    assert.equal(description.pattern.kind, 'pursue-withdraw');
    assert.equal(description.pattern.pursuerId, NOOR);
    assert.equal(description.pattern.withdrawerId, ELI);
    assert.equal(cycleMapViewFor(workedExampleMapState(), ELI)?.pattern?.kind, 'pursue-withdraw');
  });

  void test('uses no blaming, pressuring or clinical word anywhere, the couple’s own words included', () => {
    const found = exampleTexts()
      .map(({ where, text }) => ({ where, words: avoidedWordsIn(text) }))
      .filter(({ words }) => words.length > 0);
    assert.deepEqual(found, []);
  });

  void test('keeps its sentences short', () => {
    const long = exampleTexts()
      .flatMap(({ where, text }) => sentencesOf(text).map((sentence) => ({ where, sentence })))
      .filter(
        ({ where, sentence }) =>
          where !== 'loop' && sentence.split(/\s+/).length > LONGEST_SENTENCE_WORDS,
      );
    assert.deepEqual(long, []);
  });

  void test('has new names, not the names of the couple in the source article', () => {
    assert.doesNotMatch(
      exampleTexts()
        .map(({ text }) => text)
        .join(' '),
      /Quinn|Taylor/,
    );
  });

  void test('walks through in order, ending with an invitation to start your own', () => {
    const ids = WORKED_EXAMPLE_WALKTHROUGH.map((step) => step.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(WORKED_EXAMPLE_WALKTHROUGH.at(-1)?.focus.kind, 'start-your-own');
    const people: readonly string[] = [NOOR, ELI];
    for (const { id, focus } of WORKED_EXAMPLE_WALKTHROUGH) {
      if (focus.kind === 'side') assert.ok(people.includes(focus.personId), id);
    }
  });
});
