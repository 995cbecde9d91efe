import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  EXPERIMENT_THEMES,
  INTERDEPENDENCE_EXPERIMENTS,
  experimentLogEntrySchema,
  interdependenceExperimentById,
} from './interdependence-experiments.ts';

test('twelve small experiments, four toward each direction, with distinct ids', () => {
  assert.equal(INTERDEPENDENCE_EXPERIMENTS.length, 12);
  for (const theme of EXPERIMENT_THEMES) {
    assert.equal(
      INTERDEPENDENCE_EXPERIMENTS.filter((experiment) => experiment.theme === theme).length,
      4,
      theme,
    );
  }
  assert.equal(new Set(INTERDEPENDENCE_EXPERIMENTS.map((experiment) => experiment.id)).size, 12);
  assert.equal(interdependenceExperimentById('name-a-feeling')?.theme, 'letSomeoneIn');
  assert.equal(interdependenceExperimentById('nothing'), undefined);
});

test('a log entry names the experiment and the week by its Monday; how it felt is optional', () => {
  const entry = experimentLogEntrySchema.parse({
    experimentId: 'small-favour',
    weekOf: '2025-11-17',
    howItWent: ' Asked for a lift. ',
    atMs: 0,
  });
  assert.deepEqual(entry, {
    experimentId: 'small-favour',
    weekOf: '2025-11-17',
    howItWent: 'Asked for a lift.',
    howItFelt: null,
    atMs: 0,
  });
  assert.equal(
    experimentLogEntrySchema.parse({
      experimentId: 'small-favour',
      weekOf: '2025-11-17',
      howItFelt: 2,
      atMs: 0,
    }).howItFelt,
    2,
  );
});

test('a week that is not a Monday, or not a real date, is turned down with a plain sentence', () => {
  for (const weekOf of ['2025-11-18', '2025-02-30', '2025-13-01', 'last week']) {
    const result = experimentLogEntrySchema.safeParse({
      experimentId: 'small-favour',
      weekOf,
      atMs: 0,
    });
    assert.equal(
      result.error?.issues[0]?.message,
      'Choose the week again; it could not be read.',
      weekOf,
    );
  }
  const felt = experimentLogEntrySchema.safeParse({
    experimentId: 'small-favour',
    weekOf: '2025-11-17',
    howItFelt: 6,
    atMs: 0,
  });
  assert.equal(felt.error?.issues[0]?.message, 'Choose a point from 1 to 5, or leave it out.');
  const unknown = experimentLogEntrySchema.safeParse({
    experimentId: 'run-a-marathon',
    weekOf: '2025-11-17',
    atMs: 0,
  });
  assert.equal(unknown.error?.issues[0]?.message, 'Choose one of the experiments from the list.');
});
