import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OPEN_BOUNDARIES, type Boundaries } from '../boundaries/boundary.ts';
import {
  PRACTICE_DEFINITIONS,
  PRACTICE_LIST,
  PRACTICES,
  READY_STEP,
  UNKNOWN_PRACTICE_MESSAGE,
  practiceById,
  practiceDurationCheck,
  practiceParametersParse,
  practicesOfferedTo,
} from './catalogue.ts';
import { shareAndHoldTotalMs } from './parameters.ts';
import { PRACTICE_IDS, isPracticeId } from './practice-definition.ts';
import { catalogueTexts, isSentence } from './wording-rules.test-support.ts';

const MINUTE_MS = 60_000;

const withBoundary = (kind: keyof Boundaries): Boundaries => ({ ...OPEN_BOUNDARIES, [kind]: true });
const idsOf = (list: readonly { id: string }[]): string[] =>
  list.map((definition) => definition.id);

void describe('the catalogue', () => {
  void test('holds every practice id once, under its own key, in PRACTICE_IDS order', () => {
    assert.deepEqual(Object.keys(PRACTICES), [...PRACTICE_IDS]);
    assert.deepEqual(idsOf(PRACTICE_LIST), [...PRACTICE_IDS]);
    for (const id of PRACTICE_IDS) {
      assert.equal(PRACTICES[id].id, id);
      assert.equal(PRACTICE_DEFINITIONS[id], PRACTICES[id]);
    }
  });

  void test('lists every solo practice before any practice done together', () => {
    const firstTogether = PRACTICE_LIST.findIndex((definition) => !definition.solo);
    const lastSolo = PRACTICE_LIST.map((definition) => definition.solo).lastIndexOf(true);
    assert.ok(lastSolo >= 0, 'there is at least one solo practice');
    assert.ok(lastSolo < firstTogether, 'solo practices come first');
  });

  for (const definition of PRACTICE_LIST) {
    void describe(definition.id, () => {
      void test('says what will happen, and that nothing starts before everyone is ready', () => {
        assert.ok(definition.steps.length >= 3);
        for (const step of definition.steps) assert.ok(isSentence(step), step);
        assert.ok(definition.steps.includes(READY_STEP));
      });

      void test('says stopping is one tap or key and nobody is asked why', () => {
        assert.match(definition.howToStop, /one tap or one key/);
        assert.match(definition.howToStop, /nobody is asked why/);
        assert.match(definition.howToStop, /any moment/);
      });

      void test('has a title, a one-sentence summary and a short description', () => {
        assert.ok(definition.title.length > 0 && definition.title.length <= 40);
        assert.ok(isSentence(definition.summary));
        assert.doesNotMatch(definition.summary.slice(0, -1), /[.!?]\s/, 'one sentence');
        assert.ok(isSentence(definition.description));
        assert.ok(definition.description.length <= 600, 'a short paragraph');
      });

      void test('starts short: the default length is 2 to 5 minutes, within its range', () => {
        assert.ok(definition.defaultDurationMs >= 2 * MINUTE_MS);
        assert.ok(definition.defaultDurationMs <= 5 * MINUTE_MS);
        assert.ok(definition.minDurationMs > 0);
        assert.ok(definition.minDurationMs <= definition.defaultDurationMs);
        assert.ok(definition.defaultDurationMs <= definition.maxDurationMs);
        assert.deepEqual(practiceDurationCheck(definition, definition.defaultDurationMs), {
          ok: true,
          durationMs: definition.defaultDurationMs,
        });
      });

      void test('has people counts that suit solo or together', () => {
        if (definition.solo) assert.equal(definition.minParticipants, 1);
        else assert.ok(definition.minParticipants >= 2);
        assert.ok(definition.minParticipants <= definition.maxParticipants);
        assert.ok(definition.maxParticipants <= 8);
      });

      void test('has roles that can be filled for every allowed number of people', () => {
        const roleIds = definition.roles.map((role) => role.id);
        assert.equal(new Set(roleIds).size, roleIds.length, 'role ids are unique');
        for (const role of definition.roles) {
          assert.ok(role.min >= 1 && role.min <= role.max, role.id);
          assert.ok(role.name.length > 0);
          assert.ok(isSentence(role.description), role.description);
        }
        if (definition.roles.length === 0) return;
        const fewest = definition.roles.reduce((sum, role) => sum + role.min, 0);
        const most = definition.roles.reduce((sum, role) => sum + role.max, 0);
        for (let n = definition.minParticipants; n <= definition.maxParticipants; n += 1) {
          assert.ok(fewest <= n && n <= most, `${String(n)} people fit the roles`);
        }
      });

      void test('gives its default settings for {} and for no settings at all', () => {
        const fromEmpty = definition.parameters.parse({});
        assert.deepEqual(practiceParametersParse(definition.id, {}), {
          ok: true,
          parameters: fromEmpty,
        });
        assert.deepEqual(practiceParametersParse(definition.id, undefined), {
          ok: true,
          parameters: fromEmpty,
        });
      });

      void test('needs touch consent exactly when the touch boundary rules it out', () => {
        assert.equal(
          definition.consentsRequired.includes('touch'),
          definition.excludedBy.includes('touch'),
        );
      });
    });
  }

  void test('touch practices are for exactly two people, need consent, and are ruled out by the touch boundary', () => {
    for (const id of ['touch', 'breathing-touch'] as const) {
      const definition = PRACTICES[id];
      assert.equal(definition.minParticipants, 2);
      assert.equal(definition.maxParticipants, 2);
      assert.deepEqual(definition.consentsRequired, ['touch']);
      assert.ok(definition.excludedBy.includes('touch'));
      assert.ok(
        definition.steps.some((step) => /asks/.test(step)),
        'someone asks first',
      );
      assert.ok(definition.steps.some((step) => /one tap/.test(step) && /both/.test(step)));
      assert.match(definition.howToStop, /ends for both of you/);
    }
  });

  void test('only touch practices need consent; nothing else is ruled out by any boundary', () => {
    for (const definition of PRACTICE_LIST) {
      if (definition.id === 'touch' || definition.id === 'breathing-touch') continue;
      assert.deepEqual(definition.consentsRequired, [], definition.id);
      assert.deepEqual(definition.excludedBy, [], definition.id);
    }
  });

  void test('only share-and-hold has prompts for the people holding space', () => {
    for (const definition of PRACTICE_LIST) {
      if (definition.id === 'share-and-hold') {
        assert.ok((definition.holderPrompts?.length ?? 0) >= 3);
        for (const prompt of definition.holderPrompts ?? []) assert.ok(isSentence(prompt), prompt);
      } else {
        assert.equal(definition.holderPrompts, undefined, definition.id);
      }
    }
  });

  void test('names the pacer each practice uses', () => {
    assert.equal(PRACTICES.grounding.usesPacer, 'none');
    assert.equal(PRACTICES.movement.usesPacer, 'tempo');
    assert.equal(PRACTICES['paced-breathing'].usesPacer, 'breath');
    assert.equal(PRACTICES['breath-sync'].usesPacer, 'breath');
    assert.equal(PRACTICES.mirroring.usesPacer, 'breath');
  });

  void test('mirroring and breathing touch lead from the person the practice centres on', () => {
    assert.deepEqual(
      PRACTICES.mirroring.roles.map((role) => [role.id, role.min, role.max]),
      [
        ['leader', 1, 1],
        ['partner', 1, 7],
      ],
    );
    assert.deepEqual(
      PRACTICES['breathing-touch'].roles.map((role) => [role.id, role.min, role.max]),
      [
        ['breather', 1, 1],
        ['listener', 1, 1],
      ],
    );
    assert.deepEqual(
      PRACTICES['share-and-hold'].roles.map((role) => role.id),
      ['sharer', 'holder'],
    );
  });

  void test('the default share-and-hold for two people fits its default length', () => {
    const parameters = PRACTICE_DEFINITIONS['share-and-hold'].parameters.parse({});
    assert.equal(shareAndHoldTotalMs(parameters, 2), PRACTICES['share-and-hold'].defaultDurationMs);
  });

  void test('the default mirroring eases down within its default length', () => {
    const parameters = PRACTICE_DEFINITIONS.mirroring.parameters.parse({});
    assert.ok(parameters.rampDurationMs < PRACTICES.mirroring.defaultDurationMs);
  });

  void test('every piece of wording is made of sentences or short labels', () => {
    assert.ok(catalogueTexts().length > 50);
  });
});

void describe('practiceById', () => {
  void test('finds every practice by its id', () => {
    for (const id of PRACTICE_IDS) assert.equal(practiceById(id), PRACTICES[id]);
  });

  void test('finds nothing for unknown names, including object built-ins', () => {
    for (const name of ['', 'yoga', 'Touch', '__proto__', 'toString', 'constructor']) {
      assert.equal(practiceById(name), undefined, name);
      assert.equal(isPracticeId(name), false, name);
    }
  });
});

void describe('practicesOfferedTo', () => {
  const open = [OPEN_BOUNDARIES, OPEN_BOUNDARIES];

  void test('offers only solo practices to one person, solo first', () => {
    assert.deepEqual(idsOf(practicesOfferedTo([OPEN_BOUNDARIES], 1)), [
      'paced-breathing',
      'grounding',
    ]);
  });

  void test('offers everything to two people with no boundaries, solo practices first', () => {
    assert.deepEqual(idsOf(practicesOfferedTo(open, 2)), [...PRACTICE_IDS]);
  });

  void test('never offers touch when one person has ruled it out', () => {
    const offered = idsOf(practicesOfferedTo([OPEN_BOUNDARIES, withBoundary('touch')], 2));
    assert.ok(!offered.includes('touch'));
    assert.ok(!offered.includes('breathing-touch'));
    assert.ok(offered.includes('breath-sync'));
  });

  void test('does not offer two-person touch practices to three people', () => {
    const offered = idsOf(
      practicesOfferedTo([OPEN_BOUNDARIES, OPEN_BOUNDARIES, OPEN_BOUNDARIES], 3),
    );
    assert.ok(!offered.includes('touch'));
    assert.ok(!offered.includes('breathing-touch'));
    assert.ok(offered.includes('share-and-hold'));
  });

  void test('offers nothing for a count no practice is built for', () => {
    for (const count of [0, -1, 1.5, 9, Number.NaN]) {
      assert.deepEqual(practicesOfferedTo(open, count), [], String(count));
    }
  });
});

void describe('practiceParametersParse', () => {
  void test('says plainly when the practice is unknown', () => {
    assert.deepEqual(practiceParametersParse('yoga', {}), {
      ok: false,
      message: UNKNOWN_PRACTICE_MESSAGE,
    });
  });

  void test('keeps chosen settings and fills in the rest', () => {
    assert.deepEqual(practiceParametersParse('movement', { mode: 'walk' }), {
      ok: true,
      parameters: { mode: 'walk', beatsPerMin: 90 },
    });
    assert.deepEqual(
      practiceParametersParse('breath-sync', { pattern: { holdAfterInhaleMs: 2000 } }),
      {
        ok: true,
        parameters: {
          pattern: {
            inhaleMs: 4000,
            holdAfterInhaleMs: 2000,
            exhaleMs: 6000,
            holdAfterExhaleMs: 0,
          },
        },
      },
    );
  });

  void test('explains a setting out of range in a sentence a person can act on', () => {
    assert.deepEqual(practiceParametersParse('share-and-hold', { turnLengthMs: 5000 }), {
      ok: false,
      message: 'Choose a turn length between 30 seconds and 10 minutes.',
    });
    assert.deepEqual(practiceParametersParse('mirroring', { startBreathsPerMin: 50 }), {
      ok: false,
      message: 'Choose a starting pace between 4 and 30 breaths a minute.',
    });
    assert.deepEqual(practiceParametersParse('paced-breathing', { pattern: { exhaleMs: 0 } }), {
      ok: false,
      message: 'Choose an out-breath between 1 second and 20 seconds.',
    });
  });

  void test('explains settings that are not settings at all', () => {
    const result = practiceParametersParse('grounding', 'fast');
    assert.equal(result.ok, false);
    assert.ok(isSentence(result.message));
  });
});

void describe('practiceDurationCheck', () => {
  void test('accepts both ends of the range', () => {
    const definition = PRACTICES.touch;
    assert.equal(practiceDurationCheck(definition, definition.minDurationMs).ok, true);
    assert.equal(practiceDurationCheck(definition, definition.maxDurationMs).ok, true);
  });

  void test('explains a length outside the range in a sentence', () => {
    assert.deepEqual(practiceDurationCheck(PRACTICES.touch, 20 * MINUTE_MS), {
      ok: false,
      message: 'Choose a length for "A steadying hand" between 30 seconds and 10 minutes.',
    });
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      const result = practiceDurationCheck(PRACTICES.grounding, bad);
      assert.equal(result.ok, false, String(bad));
    }
  });

  void test('lets a person choose a longer dose, up to the most the practice allows', () => {
    const definition = PRACTICES['paced-breathing'];
    assert.equal(practiceDurationCheck(definition, 10 * MINUTE_MS).ok, true);
    assert.equal(practiceDurationCheck(definition, definition.maxDurationMs + 1).ok, false);
  });
});
