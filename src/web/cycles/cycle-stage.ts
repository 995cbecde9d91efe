/**
 * Where a cycle map stands for the person looking at it, and how that is said. Of the other
 * person only two facts are ever used: whether their side is marked done, and whether they are
 * ready to look (SPEC CM11). Nothing here can say whether they have started, because the view
 * it reads never tells.
 */
import type { ReceivedCycleMap } from './cycle-api.ts';

/** The steps of a map, from my side. */
export type CycleStage =
  /** Nobody has opened a map in this relationship yet. */
  | 'not-started'
  /** My side is open for filling in (the other person's may be anywhere). */
  | 'filling'
  /** My side is done; theirs is not marked done yet. */
  | 'waiting-for-them'
  /** Both sides are done and I have not said I am ready to look. */
  | 'choose-to-look'
  /** I am ready to look; they have not said so yet. */
  | 'waiting-to-look'
  /** Both sides are open to both. */
  | 'revealed';

/** The stage of `map` for its viewer. */
export function cycleStageOf(map: ReceivedCycleMap | null): CycleStage {
  if (map === null) return 'not-started';
  if (map.status === 'revealed') return 'revealed';
  if (!map.mine.done) return 'filling';
  if (!map.theirs.done) return 'waiting-for-them';
  return map.mine.readyToLook ? 'waiting-to-look' : 'choose-to-look';
}

/** One line about the other person's side, from the two facts the view holds. */
export function theirSideWords(map: ReceivedCycleMap, name: string): string {
  if (map.status === 'revealed') return `${name}’s side is open to you both.`;
  if (!map.theirs.done) return `${name}’s side is not marked done yet. There is no hurry.`;
  if (map.theirs.readyToLook)
    return `${name}’s side is done, and ${name} is ready to look together.`;
  return `${name}’s side is done.`;
}

/** A short summary for the relationship's home, naming the cycle once it has a name. */
export function cycleStageSummary(map: ReceivedCycleMap | null, otherName: string): string {
  switch (cycleStageOf(map)) {
    case 'not-started':
      return 'Not started. Each of you fills in your own side, privately, whenever you like.';
    case 'filling':
      return 'Your side is open. Only you can see it.';
    case 'waiting-for-them':
      return `Your side is done. It stays private until you and ${otherName} both choose to look.`;
    case 'choose-to-look':
      return map?.theirs.readyToLook === true
        ? `Both sides are done, and ${otherName} is ready to look whenever you are.`
        : 'Both sides are done. Each of you can choose when to look together.';
    case 'waiting-to-look':
      return `You are ready to look. Both sides open when ${otherName} is ready too.`;
    case 'revealed':
      return map?.name === null || map?.name === undefined
        ? 'You have looked together. You can give your cycle a name and make a plan.'
        : `You call it “${map.name}”.${map.plan === null ? ' You can make a plan for when you notice it.' : ''}`;
  }
}

/**
 * What to say out loud when a look at the map finds that the other person moved it on, or null.
 * Only the two shared facts and the reveal are ever announced.
 */
export function cycleChangeAnnouncement(
  before: ReceivedCycleMap | null,
  after: ReceivedCycleMap | null,
  name: string,
): string | null {
  if (before === null || after === null) return null;
  if (before.status !== 'revealed' && after.status === 'revealed')
    return 'Both sides are open now.';
  if (after.status === 'revealed') {
    if (before.name !== after.name && after.name !== null)
      return `Your cycle is now called “${after.name}”.`;
    if (JSON.stringify(before.plan) !== JSON.stringify(after.plan) && after.plan !== null)
      return 'The plan was updated.';
    return null;
  }
  if (!before.theirs.done && after.theirs.done) return `${name} marked their side done.`;
  if (before.theirs.done && !after.theirs.done) return `${name} took “done” back for now.`;
  if (!before.theirs.readyToLook && after.theirs.readyToLook)
    return `${name} is ready to look together.`;
  if (before.theirs.readyToLook && !after.theirs.readyToLook)
    return `${name} is not ready to look just yet.`;
  return null;
}
