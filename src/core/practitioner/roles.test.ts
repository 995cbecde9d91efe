import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientsOf, isClientOf, practicePartOf, practitionersOf, type PracticeRelationship } from './roles.ts';

const practice = (members: PracticeRelationship['members'], kind: PracticeRelationship['kind'] = 'practitioner'): PracticeRelationship => ({
  relationshipId: 'r1',
  kind,
  members,
});

test('in a practitioner relationship, the practitioner account is the practitioner and everyone else a client', () => {
  const group = practice([
    { personId: 'pia', role: 'practitioner' },
    { personId: 'bo', role: 'person' },
    { personId: 'gus', role: null },
    { personId: 'olga', role: 'operator' },
  ]);
  assert.equal(practicePartOf(group, 'pia'), 'practitioner');
  assert.equal(practicePartOf(group, 'bo'), 'client');
  assert.equal(practicePartOf(group, 'gus'), 'client', 'a guest is a client');
  assert.equal(practicePartOf(group, 'olga'), 'client', 'running the server does not make someone a practitioner');
  assert.equal(practicePartOf(group, 'stranger'), null);
  assert.deepEqual(practitionersOf(group), ['pia']);
  assert.deepEqual(clientsOf(group, 'pia'), ['bo', 'gus', 'olga']);
  assert.deepEqual(clientsOf(group, 'bo'), [], 'a client has no clients');
  assert.equal(isClientOf(group, 'pia', 'pia'), false, 'nobody is their own client');
});

test('other kinds of relationship have no practitioners or clients, whatever the accounts say', () => {
  for (const kind of ['partner', 'friend', 'family'] as const) {
    const couple = practice([{ personId: 'pia', role: 'practitioner' }, { personId: 'bo', role: 'person' }], kind);
    assert.equal(practicePartOf(couple, 'pia'), null);
    assert.deepEqual(clientsOf(couple, 'pia'), []);
    assert.equal(isClientOf(couple, 'pia', 'bo'), false);
  }
});

test('two practitioners share their clients and are never each other’s client', () => {
  const group = practice([
    { personId: 'pia', role: 'practitioner' },
    { personId: 'quinn', role: 'practitioner' },
    { personId: 'bo', role: 'person' },
  ]);
  assert.deepEqual(practitionersOf(group), ['pia', 'quinn']);
  assert.deepEqual(clientsOf(group, 'pia'), ['bo']);
  assert.deepEqual(clientsOf(group, 'quinn'), ['bo']);
  assert.equal(isClientOf(group, 'pia', 'quinn'), false);
  assert.equal(isClientOf(group, 'quinn', 'pia'), false);
});

test('with no practitioner in it now, nobody has clients there', () => {
  const group = practice([{ personId: 'pia', role: 'person' }, { personId: 'bo', role: 'person' }]);
  assert.deepEqual(practitionersOf(group), []);
  assert.deepEqual(clientsOf(group, 'pia'), []);
});

test('someone who left is neither practitioner nor client (only current members are given)', () => {
  const group = practice([{ personId: 'pia', role: 'practitioner' }]);
  assert.equal(practicePartOf(group, 'bo'), null);
  assert.equal(isClientOf(group, 'pia', 'bo'), false);
});
