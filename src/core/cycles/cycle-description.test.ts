import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { avoidedWordsIn } from '../practices/wording-rules.test-support.ts';
import { sideWithMoves, twoPeopleArb } from './cycle-arbitraries.test-support.ts';
import { cycleDescribe, type CycleDescription, type CyclePerson } from './cycle-description.ts';
import { paragraphPlainText } from './text-segments.ts';

const noor: CyclePerson = {
  personId: 'noor',
  name: 'Noor',
  side: {
    ...sideWithMoves(['criticising', 'getting-louder', 'going-quiet'], {
      setsItOff: 'Dinner going cold',
      storyAboutOther: 'Work matters more to you than I do',
      feelingsUnderneath: { picked: ['hurt', 'alone'], own: ['like a guest at home'] },
      longings: { picked: ['to-matter'], own: [] },
    }),
    moves: {
      picked: ['criticising', 'getting-louder', 'going-quiet'],
      own: [{ text: 'I text until Eli answers', lean: 'toward' }],
    },
  },
};
const eli: CyclePerson = {
  personId: 'eli',
  name: 'Eli',
  side: sideWithMoves(['going-quiet', 'leaving-the-room'], {
    storyAboutOther: 'Nothing I do is enough for you.',
  }),
};

const plain = (description: CycleDescription): string[] =>
  description.paragraphs.map(paragraphPlainText);

void describe('cycleDescribe', () => {
  void test('names the loop, not a person, as the trouble', () => {
    const [frame] = plain(cycleDescribe(noor, eli));
    assert.equal(
      frame,
      'This is a loop that happens between Noor and Eli. The loop is the trouble here, not either of you.',
    );
  });

  void test('tells a pursue-withdraw loop from the one who reaches, in each person’s own words', () => {
    const description = cycleDescribe(eli, noor);
    assert.equal(description.title, 'One reaches, one steps back');
    const text = plain(description).join('\n');
    assert.match(text, /For Noor, it tends to start with: “Dinner going cold”\./);
    assert.match(
      text,
      /Noor reaches toward Eli: criticises, gets louder and “I text until Eli answers”\. Sometimes Noor also goes quiet\./,
    );
    assert.match(text, /Eli steps back: goes quiet and leaves the room\./);
    assert.match(
      text,
      /When Eli goes quiet, Noor tends to hear: “Work matters more to you than I do”\. So Noor reaches harder\./,
    );
    assert.match(
      text,
      /When Noor criticises, Eli tends to hear: “Nothing I do is enough for you\.” So Eli steps further back\./,
    );
    assert.match(text, /The more Noor reaches, the further Eli steps back\./);
    assert.match(
      text,
      /Underneath, Noor feels hurt, alone and “like a guest at home”\. Noor longs to matter\./,
    );
  });

  void test('keeps what people wrote apart from Attune’s words, as their own words', () => {
    const ownWords = cycleDescribe(noor, eli)
      .paragraphs.flat()
      .flatMap((segment) =>
        segment.kind === 'own-words' ? [[segment.personId, segment.text]] : [],
      );
    assert.deepEqual(
      ownWords.filter(([personId]) => personId === 'eli'),
      [['eli', 'Nothing I do is enough for you.']],
    );
    assert.ok(
      ownWords.some(
        ([personId, text]) => personId === 'noor' && text === 'I text until Eli answers',
      ),
    );
  });

  void test('a move in someone’s own words stands in the loop with its lean', () => {
    const quiet: CyclePerson = {
      ...eli,
      side: {
        ...eli.side,
        moves: { picked: [], own: [{ text: 'I put my headphones on', lean: 'away' }] },
      },
    };
    const text = plain(cycleDescribe(noor, quiet)).join('\n');
    assert.match(text, /When Eli steps back \(“I put my headphones on”\), Noor tends to hear/);
  });

  void test('both-pursue and both-withdraw loops say how the heat rises or the distance grows', () => {
    const reaching: CyclePerson = { ...eli, side: sideWithMoves(['complaining']) };
    assert.match(plain(cycleDescribe(noor, reaching)).join(' '), /the heat keeps rising/);
    const stepping: CyclePerson = { ...noor, side: sideWithMoves(['keeping-busy']) };
    assert.match(
      plain(cycleDescribe(stepping, eli)).join(' '),
      /the distance grows though neither of you wants it/,
    );
  });

  void test('an unclear loop is described without naming a pattern, and still tells everyone’s story', () => {
    const unsure: CyclePerson = {
      ...eli,
      side: sideWithMoves([], { storyAboutOther: 'You are so far away.' }),
    };
    const description = cycleDescribe(noor, unsure);
    assert.equal(description.pattern.kind, 'unclear');
    const text = plain(description).join('\n');
    assert.match(text, /Eli has not named any moves yet\./);
    assert.match(text, /When Noor criticises, Eli tends to hear: “You are so far away\.”/);
    assert.match(
      text,
      /When it starts, Noor tends to hear: “Work matters more to you than I do”\./,
    );
  });
});

void describe('cycleDescribe properties', () => {
  void test('Attune’s own words in any description avoid blaming, pressuring and clinical words', () => {
    fc.assert(
      fc.property(twoPeopleArb(), ([first, second]) => {
        const ours = cycleDescribe(first, second)
          .paragraphs.flat()
          // A person's words stand in as a placeholder: only Attune's words are checked here.
          .map((segment) => (segment.kind === 'own-words' ? 'X' : segment.text))
          .join('');
        assert.deepEqual(avoidedWordsIn(ours), []);
        assert.doesNotMatch(ours, /undefined|null|NaN|\s[,.]|\.\./);
      }),
    );
  });

  void test('every word a person wrote appears once as their own words', () => {
    fc.assert(
      fc.property(twoPeopleArb(), ([first, second]) => {
        const own = cycleDescribe(first, second)
          .paragraphs.flat()
          .flatMap((segment) =>
            segment.kind === 'own-words' ? [`${segment.personId}:${segment.text}`] : [],
          );
        for (const person of [first, second]) {
          const { side } = person;
          const written = [
            side.setsItOff,
            side.storyAboutOther,
            ...side.moves.own.map((move) => move.text),
            ...side.feelingsUnderneath.own,
            ...side.longings.own,
          ].filter((text) => text !== '');
          for (const text of written)
            assert.ok(own.includes(`${person.personId}:${text}`), `${person.personId}: ${text}`);
        }
      }),
    );
  });

  void test('the order the two people are given in never changes the pattern or its title', () => {
    fc.assert(
      fc.property(twoPeopleArb(), ([first, second]) => {
        const forward = cycleDescribe(first, second);
        const backward = cycleDescribe(second, first);
        assert.equal(forward.title, backward.title);
        assert.equal(forward.pattern.kind, backward.pattern.kind);
        if (forward.pattern.kind === 'pursue-withdraw') {
          // Told from the one who reaches either way: everything after the opening is the same.
          assert.deepEqual(forward.paragraphs.slice(1), backward.paragraphs.slice(1));
        }
      }),
    );
  });
});
