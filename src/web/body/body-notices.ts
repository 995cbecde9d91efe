/**
 * What a person chose to tell the others about their body (SS21): for now only that their body
 * is asking for a slower moment, offered to them privately first when their heart rate stayed
 * well above their own resting rate. Said kindly, as something the body asks for, never as a
 * problem with the person. Pure: read from the viewer's log.
 */
import { BODY_NOTICES, type BodyNotice } from '../../core/protocol/commands.ts';
import type { ViewerLogEntry } from '../net/viewer-log.ts';

/** How long a shared notice stays beside the person's name. */
export const BODY_NOTICE_SHOWN_MS = 10 * 60_000;

/** One shared notice. */
export interface SharedBodyNotice {
  readonly participantId: string;
  readonly notice: BodyNotice;
  readonly atMs: number;
}

/** Reads a `bodyNoticeShared` entry, or null for anything else. */
export function bodyNoticeOf(entry: ViewerLogEntry): SharedBodyNotice | null {
  const event = entry.event as {
    type: string;
    participantId?: unknown;
    notice?: unknown;
    atMs?: unknown;
  };
  if (event.type !== 'bodyNoticeShared' || typeof event.participantId !== 'string') return null;
  const notice = BODY_NOTICES.find((known) => known === event.notice);
  if (notice === undefined) return null;
  return {
    participantId: event.participantId,
    notice,
    atMs: typeof event.atMs === 'number' ? event.atMs : entry.atMs,
  };
}

/** Each person's latest notice shared within `BODY_NOTICE_SHOWN_MS` of `nowMs` (server time). */
export function recentBodyNotices(
  log: readonly ViewerLogEntry[],
  nowMs: number,
): ReadonlyMap<string, SharedBodyNotice> {
  const recent = new Map<string, SharedBodyNotice>();
  for (let index = log.length - 1; index >= 0; index -= 1) {
    const entry = log[index];
    if (entry === undefined) continue;
    if (nowMs - entry.atMs > BODY_NOTICE_SHOWN_MS) break;
    const notice = bodyNoticeOf(entry);
    if (notice !== null && !recent.has(notice.participantId))
      recent.set(notice.participantId, notice);
  }
  return recent;
}

/** The words for each notice: as its sharer sees it, and as everyone else does. */
const NOTICE_WORDS: Readonly<
  Record<BodyNotice, { readonly mine: string; readonly theirs: (name: string) => string }>
> = {
  flooding: {
    mine: 'You let the others know your body is asking for a slower moment.',
    theirs: (name) => `${name}'s body is asking for a slower moment.`,
  },
};

/** The sentence about a notice: "Sam's body is asking for a slower moment." */
export function bodyNoticeSentence(notice: BodyNotice, name: string, isMe: boolean): string {
  const words = NOTICE_WORDS[notice];
  return isMe ? words.mine : words.theirs(name);
}
