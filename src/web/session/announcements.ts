/**
 * What to say aloud (through a polite live region) when the session changes: someone joined or
 * left, a practice was suggested, is starting or has finished, the session paused or moved on,
 * someone let the others know their body is asking for a slower moment. Short and calm; nothing
 * about private check-ins, and never who paused unless they said so.
 */
import { practiceById } from '../../core/practices/index.ts';
import type { SessionState } from '../../core/session/state.ts';
import type { ViewerLogEntry } from '../net/viewer-log.ts';
import { bodyNoticeOf, bodyNoticeSentence } from '../body/body-notices.ts';

function nameOf(state: SessionState, id: string, me: string | null): string {
  if (id === me) return 'You';
  return state.participants[id]?.displayName ?? 'Someone';
}

function titleOf(practiceId: string): string {
  return practiceById(practiceId)?.title ?? 'A practice';
}

/** The sentences for the change from `before` to `after`, as seen by `me`. */
export function sessionAnnouncements(before: SessionState, after: SessionState, me: string | null): string[] {
  const said: string[] = [];
  if (before.status !== 'ended' && after.status === 'ended') return ['The session has ended.'];
  for (const id of after.joinOrder) {
    if (id === me) continue;
    const was = before.participants[id]?.present === true;
    const is = after.participants[id]?.present === true;
    if (!was && is) said.push(`${nameOf(after, id, me)} joined.`);
    if (was && !is) said.push(`${nameOf(after, id, me)} left.`);
  }
  const wasPaused = before.pausedSinceMs !== null;
  const isPaused = after.pausedSinceMs !== null;
  if (!wasPaused && isPaused) {
    const named = Object.entries(after.pauseHolds).find(([id, hold]) => hold.saidItWasThem && id in after.participants && id !== me);
    said.push(named ? `${nameOf(after, named[0], me)} paused the session.` : 'The session is paused.');
  }
  if (wasPaused && !isPaused) said.push('The session is moving again.');
  const was = before.practice;
  const is = after.practice;
  if (is?.status === 'proposed' && was?.runId !== is.runId) {
    said.push(`${nameOf(after, is.proposedBy, me)} suggested ${titleOf(is.practiceId)}.`);
  }
  if (is?.status === 'running' && was?.status !== 'running') said.push(`${titleOf(is.practiceId)} is starting.`);
  if (was?.status === 'proposed' && is === null && after.lastPractice?.runId !== was.runId) {
    said.push('The suggested practice was set aside.');
  }
  if (was?.status === 'running' && is?.runId !== was.runId) {
    const ended = after.lastPractice;
    said.push(ended?.runId === was.runId && ended.outcome === 'completed' ? 'The practice has finished.' : 'The practice has stopped.');
  }
  return said;
}

/**
 * The sentences for log entries that change no state but are news: a body notice someone chose
 * to share (SS21). `added` are the entries that just arrived.
 */
export function logAnnouncements(added: readonly ViewerLogEntry[], state: SessionState, me: string | null): string[] {
  const said: string[] = [];
  for (const entry of added) {
    const notice = bodyNoticeOf(entry);
    if (notice === null) continue;
    said.push(bodyNoticeSentence(notice.notice, nameOf(state, notice.participantId, me), notice.participantId === me));
  }
  return said;
}
