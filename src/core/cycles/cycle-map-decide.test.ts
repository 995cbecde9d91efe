import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CycleMapHarness, sideWithMoves } from './cycle-arbitraries.test-support.ts';
import { CYCLE_MAP_REJECTION_CODES as R } from './cycle-map-rejection.ts';
import { cycleMapFold } from './cycle-map-state.ts';
import { cycleMapEventForViewer, cycleMapViewFor } from './cycle-map-visibility.ts';

const ANA_SIDE = sideWithMoves(['criticising', 'getting-louder'], {
  storyAboutOther: 'You never hear me.',
});
const BEN_SIDE = sideWithMoves(['going-quiet'], {
  storyAboutOther: 'I can never get it right for you.',
});
const draft = (side: unknown) => ({ type: 'saveDraft', side });
const READY = { type: 'markReady' };
const NOT_READY = { type: 'markNotReady' };
const LOOK = { type: 'agreeToReveal' };
const NOT_LOOK = { type: 'withdrawRevealAgreement' };
const PLAN = {
  type: 'savePlan',
  plan: { cuePhrase: 'Our loop is here.', practiceId: 'grounding' },
};

/** A map where both sides are saved and done, nobody has agreed to look yet. */
function bothDone(): CycleMapHarness {
  const harness = CycleMapHarness.opened();
  harness.accept('ana', draft(ANA_SIDE));
  harness.accept('ben', draft(BEN_SIDE));
  harness.accept('ana', READY);
  harness.accept('ben', READY);
  return harness;
}

function revealed(): CycleMapHarness {
  const harness = bothDone();
  harness.accept('ana', LOOK);
  harness.accept('ben', LOOK);
  return harness;
}

const types = (events: readonly { type: string }[]) => events.map((event) => event.type);

void describe('opening a map', () => {
  void test('[CM1] a person opens a map once, with one other person', () => {
    const harness = CycleMapHarness.opened('ana', 'ben');
    assert.deepEqual(harness.state.people, ['ana', 'ben']);
    assert.equal(harness.state.status, 'drafting');
    harness.reject('ben', { type: 'openMap', mapId: 'another-map', partnerId: 'ana' }, R.mapExists);
  });

  void test('[CM1] a map with yourself is turned down', () => {
    const message = new CycleMapHarness().reject(
      'ana',
      { type: 'openMap', mapId: 'map-1', partnerId: 'ana' },
      R.partnerInvalid,
    );
    assert.match(message, /for two people/);
  });

  void test('[CM2] nothing but opening works before the map exists, and only its two people act', () => {
    new CycleMapHarness().reject('ana', READY, R.mapNotFound);
    const harness = CycleMapHarness.opened();
    for (const raw of [
      draft(ANA_SIDE),
      READY,
      NOT_READY,
      LOOK,
      NOT_LOOK,
      { type: 'nameCycle', name: 'x' },
      PLAN,
    ]) {
      harness.reject('zoe', raw, R.notOnMap);
    }
  });
});

void describe('filling in privately', () => {
  void test('[CM3] a person saves their own side; a later save replaces it', () => {
    const harness = CycleMapHarness.opened();
    harness.accept('ana', draft(sideWithMoves(['complaining'])));
    harness.accept('ana', draft(ANA_SIDE));
    assert.deepEqual(harness.state.drafts, { ana: ANA_SIDE });
  });

  void test('[CM3] a side marked done is kept as it is until "done" is taken back', () => {
    const harness = CycleMapHarness.opened();
    harness.accept('ana', draft(ANA_SIDE));
    harness.accept('ana', READY);
    const message = harness.reject('ana', draft(BEN_SIDE), R.sideMarkedReady);
    assert.match(message, /not done yet/);
    harness.accept('ana', NOT_READY);
    harness.accept('ana', draft(BEN_SIDE));
  });

  void test('[CM4] "done" needs at least one move, and saying it twice changes nothing', () => {
    const harness = CycleMapHarness.opened();
    const message = harness.reject('ana', READY, R.sideIncomplete);
    assert.match(message, /at least one thing you tend to do/);
    harness.accept('ana', draft({ setsItOff: 'Late evenings.' }));
    harness.reject('ana', READY, R.sideIncomplete);
    harness.accept('ana', draft(ANA_SIDE));
    assert.deepEqual(types(harness.accept('ana', READY)), ['sideMarkedReady']);
    assert.deepEqual(harness.accept('ana', READY), []);
  });

  void test('[CM5] taking "done" back sets aside both agreements to look', () => {
    const harness = bothDone();
    harness.accept('ana', LOOK);
    assert.deepEqual(harness.state.revealAgreed, ['ana']);
    assert.deepEqual(types(harness.accept('ben', NOT_READY)), ['sideMarkedNotReady']);
    assert.deepEqual(harness.state.revealAgreed, []);
    assert.deepEqual(harness.accept('ben', NOT_READY), [], 'taking it back twice changes nothing');
  });
});

void describe('looking together', () => {
  void test('[CM6] agreeing to look needs both sides done, and says only whose is not', () => {
    const harness = CycleMapHarness.opened();
    harness.accept('ana', draft(ANA_SIDE));
    assert.match(harness.reject('ana', LOOK, R.notBothReady), /Mark your side as done first/);
    harness.accept('ana', READY);
    const message = harness.reject('ana', LOOK, R.notBothReady);
    assert.match(message, /other side is not marked as done yet/);
  });

  void test('[CM6] both sides open in the same decision as the second agreement, not before', () => {
    const harness = bothDone();
    assert.deepEqual(types(harness.accept('ben', LOOK)), ['revealAgreed']);
    assert.equal(harness.state.status, 'drafting', 'marking both done does not open anything');
    assert.deepEqual(harness.accept('ben', LOOK), [], 'agreeing twice changes nothing');
    const events = harness.accept('ana', LOOK);
    assert.deepEqual(types(events), ['revealAgreed', 'sidesRevealed']);
    assert.equal(harness.state.status, 'revealed');
    assert.deepEqual(harness.state.revealedSides, { ana: ANA_SIDE, ben: BEN_SIDE });
    assert.deepEqual(
      harness.accept('ben', LOOK),
      [],
      'a late tap after the reveal changes nothing',
    );
  });

  void test('[CM7] an agreement to look can be taken back until the reveal', () => {
    const harness = bothDone();
    harness.accept('ana', LOOK);
    assert.deepEqual(types(harness.accept('ana', NOT_LOOK)), ['revealAgreementWithdrawn']);
    assert.deepEqual(harness.accept('ana', NOT_LOOK), []);
    harness.accept('ben', LOOK);
    assert.equal(harness.state.status, 'drafting');
  });

  void test('[CM8] after the reveal both sides stay as they were shared', () => {
    const harness = revealed();
    for (const raw of [draft(BEN_SIDE), READY, NOT_READY, NOT_LOOK]) {
      const message = harness.reject('ben', raw, R.alreadyRevealed);
      assert.match(message, /start a new map together/);
    }
    assert.deepEqual(harness.state.revealedSides, { ana: ANA_SIDE, ben: BEN_SIDE });
  });
});

void describe('after the reveal', () => {
  void test('[CM9] either person names the cycle, only after the reveal; the latest name counts', () => {
    const harness = bothDone();
    harness.reject('ana', { type: 'nameCycle', name: 'The late loop' }, R.notRevealed);
    harness.accept('ana', LOOK);
    harness.accept('ben', LOOK);
    harness.accept('ana', { type: 'nameCycle', name: ' The late loop ' });
    assert.equal(harness.state.name, 'The late loop');
    harness.accept('ben', { type: 'nameCycle', name: 'The cold-dinner loop' });
    assert.equal(harness.state.name, 'The cold-dinner loop');
  });

  void test('[CM10] either person saves the plan, only after the reveal; the pause starts at 20 minutes', () => {
    const harness = bothDone();
    harness.reject('ben', PLAN, R.notRevealed);
    harness.accept('ana', LOOK);
    harness.accept('ben', LOOK);
    harness.accept('ben', PLAN);
    assert.deepEqual(harness.state.plan, {
      cuePhrase: 'Our loop is here.',
      pauseMinutes: 20,
      practiceId: 'grounding',
    });
  });
});

void describe('what each person sees', () => {
  void test('[CM11] before the reveal the other sees only "done" and "ready to look", never the side', () => {
    const harness = CycleMapHarness.opened();
    harness.accept('ana', draft(ANA_SIDE));
    const benBefore = cycleMapViewFor(harness.state, 'ben');
    assert.ok(benBefore);
    assert.equal(benBefore.theirs.side, null);
    assert.equal(benBefore.theirs.done, false);
    assert.doesNotMatch(JSON.stringify(benBefore), /never hear me|criticising/);
    harness.accept('ana', READY);
    const benAfterDone = cycleMapViewFor(harness.state, 'ben');
    assert.equal(benAfterDone?.theirs.done, true);
    assert.equal(benAfterDone.theirs.side, null);
    assert.deepEqual(
      cycleMapViewFor(harness.state, 'ana')?.mine.side,
      ANA_SIDE,
      'a person always sees their own side',
    );
    assert.equal(cycleMapViewFor(harness.state, 'zoe'), null, 'nobody else sees the map at all');
  });

  void test('[CM11] a draft save reaches nobody but its author, not even as a placeholder', () => {
    const harness = CycleMapHarness.opened();
    const [saved] = harness.accept('ana', draft(ANA_SIDE));
    assert.ok(saved);
    assert.deepEqual(cycleMapEventForViewer(saved, 'ana'), saved);
    assert.equal(cycleMapEventForViewer(saved, 'ben'), null);
  });

  void test('[CM11] after the reveal both see both sides and the pattern', () => {
    const harness = revealed();
    const ben = cycleMapViewFor(harness.state, 'ben');
    assert.deepEqual(ben?.theirs.side, ANA_SIDE);
    assert.equal(ben.pattern?.kind, 'pursue-withdraw');
    assert.equal(ben.pattern.pursuerId, 'ana');
    const [, revealEvent] = harness.log.filter(
      (event) => event.type === 'sidesRevealed' || event.type === 'mapOpened',
    );
    assert.ok(revealEvent);
    assert.deepEqual(cycleMapEventForViewer(revealEvent, 'ben'), revealEvent);
  });

  void test('folding the log gives the same state as deciding step by step', () => {
    const harness = revealed();
    harness.accept('ana', PLAN);
    assert.deepEqual(cycleMapFold(harness.log), harness.state);
  });
});
