import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { OPEN_BOUNDARIES } from '../boundaries/boundary.ts';
import { REJECTION_CODES as R } from '../protocol/rejection-codes.ts';
import { SessionHarness, boundariesRulingOut } from '../testing/session-harness.ts';
import { PRACTICE_LEAD_IN_MS } from './decide-practice.ts';
import { practiceElapsedMs, sessionIsPaused, sessionRunningPractice } from './queries.ts';
import type { CheckInRecord } from './events.ts';
import { sessionFold, type PracticeProposal } from './state.ts';

const join = (name: string, boundaries = OPEN_BOUNDARIES) => ({ type: 'join', displayName: name, boundaries });
const propose = (practiceId: string, extra: object = {}) => ({ type: 'proposePractice', practiceId, ...extra });
const READY = { type: 'setReady', ready: true };
const START = { type: 'startPractice' };
const PAUSE = { type: 'pause' };
const RESUME = { type: 'resume' };

/** Reads a check-in's practice link without letting earlier assertions narrow the type. */
function runIdOf(checkIn: CheckInRecord | undefined): string | null | undefined {
  return checkIn?.runId;
}

function typesOf(events: readonly { type: string }[]): string[] {
  return events.map((event) => event.type);
}

function running(harness: SessionHarness) {
  const run = sessionRunningPractice(harness.state);
  assert.ok(run, 'expected a running practice');
  return run;
}

describe('session lifecycle', () => {
  test('[SS1] a session is created once, with its creator as host', () => {
    const harness = new SessionHarness();
    harness.accept('ana', { type: 'createSession' });
    assert.equal(harness.state.status, 'open');
    assert.equal(harness.state.hostId, 'ana');
    harness.reject('ben', { type: 'createSession' }, R.sessionExists);
  });

  test('[SS18] nothing but creation is accepted before a session exists', () => {
    const harness = new SessionHarness();
    const message = harness.reject('ana', join('Ana'), R.sessionNotFound);
    assert.match(message, /could not be found/);
  });

  test('[SS2] people join with a display name and boundaries, at most the limit at once', () => {
    const harness = new SessionHarness();
    harness.accept('p0', { type: 'createSession', maxParticipants: 3 });
    for (const id of ['p0', 'p1', 'p2']) harness.accept(id, join(id));
    const message = harness.reject('p3', join('p3'), R.sessionFull);
    assert.match(message, /full \(3 people\)/);
    harness.reject('p1', join('p1'), R.alreadyPresent);
    harness.accept('p1', { type: 'leave' });
    harness.accept('p3', join('p3'));
    assert.deepEqual(harness.presentIds(), ['p0', 'p2', 'p3']);
  });

  test('[SS2] the session never holds more than eight', () => {
    const harness = new SessionHarness();
    harness.accept('p0', { type: 'createSession' });
    for (let index = 0; index < 8; index += 1) harness.accept(`p${index}`, join(`p${index}`));
    harness.reject('p8', join('p8'), R.sessionFull);
  });

  test('[SS18] only present people act, and nothing is accepted after the end', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.reject('zoe', PAUSE, R.notPresent);
    harness.reject('ben', { type: 'endSession' }, R.notHost);
    harness.accept('ana', { type: 'endSession' });
    assert.equal(harness.state.status, 'ended');
    harness.reject('ben', PAUSE, R.sessionEnded);
  });

  test('[SS17] when the host has left, anyone present may end the session, stopping a running practice', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben', 'cal']);
    harness.accept('ana', { type: 'leave' });
    harness.startPractice('breath-sync');
    const events = harness.accept('ben', { type: 'endSession' });
    assert.deepEqual(typesOf(events), ['practiceEnded', 'sessionEnded']);
    assert.equal(harness.state.lastPractice?.outcome, 'stopped');
  });
});

describe('boundaries and check-ins', () => {
  test('[SS4] a boundary set while a touch practice waits sets the proposal aside', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.accept('ana', propose('touch'));
    const events = harness.accept('ben', { type: 'setBoundaries', boundaries: boundariesRulingOut('touch') });
    assert.deepEqual(typesOf(events), ['boundariesSet', 'proposalWithdrawn']);
    assert.equal(harness.state.practice, null);
  });

  test('[SS4] a boundary set during a touch practice stops it at once', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.startPractice('touch', { consent: true });
    const events = harness.accept('ana', { type: 'setBoundaries', boundaries: boundariesRulingOut('touch') });
    assert.deepEqual(typesOf(events), ['boundariesSet', 'practiceEnded']);
    assert.equal(harness.state.lastPractice?.outcome, 'stopped');
  });

  test('[SS2] a joiner whose boundaries rule out the waiting proposal sets it aside', () => {
    const harness = SessionHarness.withPeople(['ana']);
    harness.accept('ana', propose('breath-sync'));
    harness.accept('ana', propose('touch'));
    const events = harness.accept('ben', join('Ben', boundariesRulingOut('touch')));
    assert.deepEqual(typesOf(events), ['participantJoined', 'proposalWithdrawn']);
  });

  test('[SS5] check-ins are private by default and cannot be shared against a boundary', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben'], { ben: boundariesRulingOut('shareCheckIns') });
    const [checkIn] = harness.accept('ana', { type: 'checkIn', state: 'activated', intensity: 6 });
    assert.equal(checkIn?.type === 'checkedIn' && checkIn.visibility, 'private');
    const message = harness.reject(
      'ben',
      { type: 'checkIn', state: 'regulated', intensity: 2, visibility: 'shared' },
      R.boundaryBlocks,
    );
    assert.match(message, /not saved yet/);
    harness.accept('ben', { type: 'checkIn', state: 'regulated', intensity: 2, tags: ['warm hands'], note: 'ok' });
    assert.equal(harness.state.latestCheckIns.ben?.note, 'ok');
    assert.equal(harness.state.latestSharedCheckIns.ben, undefined);
    assert.equal(harness.state.latestCheckIns.ana?.state, 'activated');
  });

  test('[SS5] a check-in before a practice is linked to the waiting one, after to the one that ended', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.accept('ana', { type: 'checkIn', state: 'activated', intensity: 6, moment: 'before' });
    assert.equal(harness.state.latestCheckIns.ana?.runId, null, 'nothing proposed yet');
    harness.startPractice('breath-sync');
    const runId = running(harness).runId;
    harness.accept('ben', { type: 'checkIn', state: 'activated', intensity: 6, moment: 'before' });
    assert.equal(harness.state.latestCheckIns.ben?.runId, runId);
    harness.accept('ana', { type: 'endPractice', outcome: 'stopped' });
    harness.accept('ben', propose('movement'));
    harness.accept('ana', { type: 'checkIn', state: 'regulated', intensity: 3, moment: 'after' });
    assert.equal(runIdOf(harness.state.latestCheckIns.ana), runId, 'after links to the practice that ended, not the new proposal');
  });
});

describe('body notices', () => {
  test('[SS21] a person may tell the others what their body noticed; it changes nothing else', () => {
    const harness = new SessionHarness();
    harness.accept('ana', { type: 'createSession' });
    harness.accept('ana', join('Ana'));
    harness.reject('ben', { type: 'shareBodyNotice', notice: 'flooding' }, R.notPresent);
    harness.accept('ben', join('Ben'));
    const before = harness.state;
    const events = harness.accept('ben', { type: 'shareBodyNotice', notice: 'flooding' });
    assert.deepEqual(typesOf(events), ['bodyNoticeShared']);
    assert.equal(harness.state, before);
    assert.equal(sessionIsPaused(harness.state), false);
  });

  test('[SS21] someone who keeps their body signals to themselves cannot share a body notice', () => {
    const harness = new SessionHarness();
    harness.accept('ana', { type: 'createSession' });
    harness.accept('ana', join('Ana', boundariesRulingOut('sharePhysiology')));
    const message = harness.reject('ana', { type: 'shareBodyNotice', notice: 'flooding' }, R.boundaryBlocks);
    assert.match(message, /keep your body signals to yourself/);
  });
});

describe('practices', () => {
  test('[SS6] a practice someone’s boundaries rule out is never offered', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben'], { ben: boundariesRulingOut('touch') });
    const message = harness.reject('ana', propose('touch'), R.practiceNotOffered);
    assert.doesNotMatch(message, /ben/i, 'the sentence does not say whose boundary it was');
  });

  test('[SS6] unknown practices, bad settings and bad lengths get sentences to act on', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.reject('ana', propose('levitation'), R.practiceUnknown);
    const settings = harness.reject('ana', propose('share-and-hold', { parameters: { turnLengthMs: 5 } }), R.practiceInvalid);
    assert.match(settings, /^Choose a turn length between/);
    const length = harness.reject('ana', propose('breath-sync', { durationMs: 10 }), R.practiceInvalid);
    assert.match(length, /^Choose a length/);
  });

  test('[SS6] a practice for two is not offered to three', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben', 'cal']);
    harness.reject('ana', propose('touch'), R.practiceNotOffered);
  });

  test('[SS6] a new proposal replaces the waiting one', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.accept('ana', propose('breath-sync'));
    const events = harness.accept('ben', propose('movement'));
    assert.deepEqual(typesOf(events), ['proposalWithdrawn', 'practiceProposed']);
    assert.equal(harness.state.practice?.practiceId, 'movement');
  });

  test('[SS7] anyone present may set a waiting proposal aside', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.reject('ben', { type: 'withdrawProposal' }, R.noPractice);
    harness.accept('ana', propose('breath-sync'));
    harness.accept('ben', { type: 'withdrawProposal' });
    assert.equal(harness.state.practice, null);
  });

  test('[SS8] [SS11] nothing starts until everyone present has said ready', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.reject('ana', START, R.noPractice);
    harness.accept('ana', propose('breath-sync'));
    harness.accept('ana', READY);
    const message = harness.reject('ana', START, R.notAllReady);
    assert.match(message, /1 still to go/);
    harness.accept('ben', READY);
    harness.accept('ben', { type: 'setReady', ready: false });
    harness.reject('ana', START, R.notAllReady);
    harness.accept('ben', READY);
    const [started] = harness.accept('ben', START);
    assert.equal(started?.type, 'practiceStarted');
  });

  test('[SS11] a breath practice starts after a lead-in with a shared 4-in 6-out pacer', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.startPractice('breath-sync');
    const run = running(harness);
    assert.equal(run.startsAtMs, harness.nowMs + PRACTICE_LEAD_IN_MS);
    assert.deepEqual(run.pacer?.pattern, { inhaleMs: 4000, holdAfterInhaleMs: 0, exhaleMs: 6000, holdAfterExhaleMs: 0 });
    assert.equal(run.pacer.startAtMs, run.startsAtMs);
    assert.deepEqual(run.participantIds, ['ana', 'ben']);
  });

  test('[SS11] mirroring ramps from the shared activated person’s rate, and leads from them', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.accept('ben', { type: 'checkIn', state: 'activated', intensity: 7, visibility: 'shared' });
    harness.startPractice('mirroring', { parameters: { startBreathsPerMin: 18, targetBreathsPerMin: 6 } });
    const run = running(harness);
    assert.deepEqual(run.pacer?.ramp, { fromBreathsPerMin: 18, toBreathsPerMin: 6, durationMs: 120000 });
    assert.deepEqual(run.roles, { ben: 'leader', ana: 'partner' });
  });

  test('[SS11] in breathing touch the pacer follows the breather’s own pace', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.startPractice('breathing-touch', { consent: true, parameters: { startBreathsPerMin: 12, inhaleShare: 0.4 } });
    const run = running(harness);
    assert.equal(run.pacer?.ramp, undefined);
    assert.ok(Math.abs((run.pacer?.pattern.inhaleMs ?? 0) - 2000) < 1e-9);
    assert.ok(Math.abs((run.pacer?.pattern.exhaleMs ?? 0) - 3000) < 1e-9);
    assert.deepEqual(run.roles, { ana: 'breather', ben: 'listener' });
  });

  test('[SS11] movement shares one beat; grounding and touch need no pacer', () => {
    const moving = SessionHarness.withPeople(['ana', 'ben']);
    moving.startPractice('movement', { parameters: { mode: 'walk' } });
    assert.deepEqual(running(moving).tempo, { startAtMs: running(moving).startsAtMs, beatsPerMin: 90 });
    const grounding = SessionHarness.withPeople(['ana', 'ben']);
    grounding.startPractice('grounding');
    assert.equal(running(grounding).pacer, null);
    assert.equal(running(grounding).tempo, null);
  });

  test('[SS6] a private check-in never decides who leads mirroring', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.accept('ben', { type: 'checkIn', state: 'activated', intensity: 9, visibility: 'private' });
    harness.startPractice('mirroring');
    assert.deepEqual(running(harness).roles, { ana: 'leader', ben: 'partner' });
  });

  test('[SS9] [SS11] a touch practice needs every present person’s consent before it starts', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.accept('ana', propose('touch'));
    harness.accept('ana', READY);
    harness.accept('ben', READY);
    harness.reject('ana', START, R.consentMissing);
    harness.accept('ana', { type: 'giveConsent', consent: 'touch' });
    harness.reject('ana', START, R.consentMissing);
    harness.accept('ben', { type: 'giveConsent', consent: 'touch' });
    harness.accept('ana', START);
    assert.equal(running(harness).practiceId, 'touch');
  });

  test('[SS9] consent is asked only for practices that need it, and never against a boundary', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.accept('ana', propose('breath-sync'));
    harness.reject('ana', { type: 'giveConsent', consent: 'touch' }, R.consentNotNeeded);
  });

  test('[SS10] withdrawing consent stops a touch practice at once, for everyone', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.startPractice('touch', { consent: true });
    const events = harness.accept('ben', { type: 'withdrawConsent', consent: 'touch' });
    assert.deepEqual(typesOf(events), ['consentWithdrawn', 'practiceEnded']);
    assert.equal(harness.state.practice, null);
    assert.equal(harness.state.lastPractice?.outcome, 'stopped');
  });

  test('[SS10] withdrawing consent is accepted even when none was given', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    const decision = harness.send('ana', { type: 'withdrawConsent', consent: 'touch' });
    assert.deepEqual(decision, { ok: true, events: [] });
  });

  test('[SS3] leaving a touch practice stops it; leaving a group practice with enough left does not', () => {
    const pair = SessionHarness.withPeople(['ana', 'ben']);
    pair.startPractice('touch', { consent: true });
    assert.deepEqual(typesOf(pair.accept('ben', { type: 'leave' })), ['participantLeft', 'practiceEnded']);

    const group = SessionHarness.withPeople(['ana', 'ben', 'cal']);
    group.startPractice('breath-sync');
    assert.deepEqual(typesOf(group.accept('cal', { type: 'leave' })), ['participantLeft']);
    assert.ok(sessionRunningPractice(group.state));
    assert.deepEqual(typesOf(group.accept('ben', { type: 'leave' })), ['participantLeft', 'practiceEnded']);
  });

  test('[SS16] a practice completes only when its time is up; stopping is always fine', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.startPractice('breath-sync', { durationMs: 120_000 });
    harness.advance(PRACTICE_LEAD_IN_MS + 60_000);
    const message = harness.reject('ana', { type: 'endPractice', outcome: 'completed' }, R.tooEarly);
    assert.match(message, /60 seconds to go/);
    harness.advance(59_000);
    harness.accept('ben', { type: 'endPractice', outcome: 'completed' });
    assert.equal(harness.state.lastPractice?.outcome, 'completed');
  });

  test('[SS15] share-and-hold turns go round, a double press is harmless, the last turn completes', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.startPractice('share-and-hold', { parameters: { turnLengthMs: 60_000, turnsEach: 1 } });
    const run = running(harness);
    assert.deepEqual(run.turnSharers, ['ana', 'ben']);
    assert.equal(run.durationMs, 120_000);
    harness.accept('ben', { type: 'advanceTurn', fromTurnIndex: 0 });
    harness.reject('ana', { type: 'advanceTurn', fromTurnIndex: 0 }, R.turnMovedOn);
    const events = harness.accept('ana', { type: 'advanceTurn', fromTurnIndex: 1 });
    assert.deepEqual(typesOf(events), ['practiceEnded']);
    assert.equal(harness.state.lastPractice?.outcome, 'completed');
  });

  test('[SS15] turns belong to turn-taking practices only', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.startPractice('breath-sync');
    harness.reject('ana', { type: 'advanceTurn', fromTurnIndex: 0 }, R.noTurns);
  });
});

describe('pause', () => {
  test('[SS12] anyone pauses everyone, no reason asked; pausing twice changes nothing', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    assert.equal(harness.accept('ben', PAUSE).length, 1);
    assert.ok(sessionIsPaused(harness.state));
    assert.deepEqual(harness.send('ben', PAUSE), { ok: true, events: [] });
    assert.throws(() => harness.send('ben', { type: 'pause', reason: 'tired' }), /Unrecognized key/);
  });

  test('[SS14] while paused nothing starts, turns wait, and elapsed time stands still', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.startPractice('share-and-hold');
    harness.advance(PRACTICE_LEAD_IN_MS + 10_000);
    const run = running(harness);
    const elapsedBefore = practiceElapsedMs(harness.state, run, harness.nowMs);
    harness.accept('ben', PAUSE);
    harness.advance(30_000);
    assert.equal(practiceElapsedMs(harness.state, running(harness), harness.nowMs), elapsedBefore);
    harness.reject('ana', { type: 'advanceTurn', fromTurnIndex: 0 }, R.paused);
    harness.reject('ana', { type: 'endPractice', outcome: 'completed' }, R.paused);
    harness.reject('ana', RESUME, R.notYourPause);
    harness.accept('ben', RESUME);
    assert.equal(sessionIsPaused(harness.state), false);
    harness.advance(1_000);
    assert.equal(practiceElapsedMs(harness.state, running(harness), harness.nowMs), elapsedBefore + 1_000);
  });

  test('[SS13] resuming shifts the pacer by exactly the pause, so the breath picks up where it was', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.startPractice('breath-sync');
    const startAt = running(harness).pacer?.startAtMs ?? 0;
    harness.advance(7_000);
    harness.accept('ana', PAUSE);
    harness.advance(12_345);
    const [resumed] = harness.accept('ana', RESUME);
    assert.equal(resumed?.type === 'sessionResumed' && resumed.pausedForMs, 12_345);
    assert.equal(running(harness).pacer?.startAtMs, startAt + 12_345);
  });

  test('[SS13] [SS14] with two pauses held, the session moves only when both are released', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.accept('ana', PAUSE);
    harness.accept('ben', PAUSE);
    const [first] = harness.accept('ana', RESUME);
    assert.equal(first?.type === 'sessionResumed' && first.resumesSession, false);
    assert.ok(sessionIsPaused(harness.state));
    harness.reject('ana', RESUME, R.notYourPause);
    harness.accept('ben', RESUME);
    assert.equal(sessionIsPaused(harness.state), false);
    harness.reject('ben', RESUME, R.notPaused);
  });

  test('[SS3] [SS13] a pause held by someone who left stays until anyone present resumes it', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben', 'cal']);
    harness.accept('ben', PAUSE);
    harness.accept('cal', PAUSE);
    const events = harness.accept('ben', { type: 'leave' });
    assert.deepEqual(typesOf(events), ['participantLeft'], 'leaving does not resume, so it does not reveal the pauser');
    assert.ok(sessionIsPaused(harness.state));
    const released = harness.accept('ana', RESUME);
    assert.deepEqual(released.map((event) => event.type === 'sessionResumed' && event.resumesSession), [false]);
    assert.ok(sessionIsPaused(harness.state), 'cal, who is still here, keeps their pause');
    harness.reject('ana', RESUME, R.notYourPause);
    harness.accept('cal', RESUME);
    assert.equal(sessionIsPaused(harness.state), false);
  });

  test('[SS14] stopping, leaving and withdrawing consent stay possible while paused', () => {
    const harness = SessionHarness.withPeople(['ana', 'ben']);
    harness.startPractice('touch', { consent: true });
    harness.accept('ana', PAUSE);
    harness.accept('ben', { type: 'withdrawConsent', consent: 'touch' });
    assert.equal(harness.state.practice, null);
  });
});

test('[SS20] a recorded practice missing from the catalogue cannot start, and any change stops it', () => {
  const harness = SessionHarness.withPeople(['ana', 'ben', 'cal']);
  harness.startPractice('breath-sync');
  const run = running(harness);
  // A log written by a version whose catalogue had a practice this one lacks.
  harness.state = { ...harness.state, practice: { ...run, practiceId: 'retired-practice' } };
  const events = harness.accept('cal', { type: 'leave' });
  assert.deepEqual(typesOf(events), ['participantLeft', 'practiceEnded']);
  const waiting: PracticeProposal = {
    status: 'proposed', runId: 'retired-run', practiceId: 'retired-practice', parameters: {}, durationMs: 60_000,
    roles: {}, proposedBy: 'ana', ready: ['ana', 'ben'], consents: { touch: ['ana', 'ben'] },
  };
  harness.state = { ...harness.state, practice: waiting };
  harness.reject('ana', START, R.practiceUnknown);
});

test('[SS1] folding the log again gives the state built step by step', () => {
  const harness = SessionHarness.withPeople(['ana', 'ben']);
  harness.startPractice('breath-sync');
  harness.accept('ana', PAUSE);
  harness.accept('ana', RESUME);
  assert.deepEqual(sessionFold(harness.log), harness.state);
});
