import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ServerTimeMs } from '../../core/time/instant.ts';
import type { ViewerLogEntry } from '../net/viewer-log.ts';
import { BODY_NOTICE_SHOWN_MS, recentBodyNotices } from './body-notices.ts';

const at = (ms: number) => ms as ServerTimeMs;
const notice = (seq: number, participantId: string, atMs: number): ViewerLogEntry => ({
  seq,
  atMs,
  event: { type: 'bodyNoticeShared', participantId, notice: 'flooding', atMs: at(atMs) },
});

test("each person's latest notice shows for a while, then goes", () => {
  const log: ViewerLogEntry[] = [
    {
      seq: 1,
      atMs: 0,
      event: {
        type: 'sessionCreated',
        sessionId: 's',
        hostId: 'a',
        maxParticipants: 8,
        atMs: at(0),
      },
    },
    notice(2, 'b', 1000),
    notice(3, 'c', 5000),
    notice(4, 'b', 9000),
  ];
  const now = recentBodyNotices(log, 10_000);
  assert.deepEqual([...now.keys()].sort(), ['b', 'c']);
  assert.equal(now.get('b')?.atMs, 9000, 'the latest');
  const later = recentBodyNotices(log, 5000 + BODY_NOTICE_SHOWN_MS + 1);
  assert.deepEqual([...later.keys()], ['b']);
  assert.equal(recentBodyNotices(log, 9000 + BODY_NOTICE_SHOWN_MS + 1).size, 0);
});
