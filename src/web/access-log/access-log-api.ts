/**
 * "Who has looked at what I share" on the server (`GET /api/me/access-log`), a page at a time.
 */
import { z } from 'zod';
import type { AccessLogPage } from '../../core/practitioner/practitioner-api.ts';
import { RELATIONSHIP_KINDS } from '../../core/protocol/between-us-api.ts';
import { apiCall } from '../api/http.ts';

const pageSchema = z.object({
  entries: z.array(
    z.object({
      atMs: z.number(),
      viewerId: z.string(),
      viewerName: z.string(),
      subject: z.string(),
      relationshipId: z.string(),
      relationshipKind: z.enum(RELATIONSHIP_KINDS).nullable(),
      sessionId: z.string().nullable(),
    }),
  ),
  asOfMs: z.number(),
  next: z.object({ offset: z.number(), untilMs: z.number() }).nullable(),
}) satisfies z.ZodType<AccessLogPage>;

/** How many looks one page brings. */
export const ACCESS_LOG_PAGE_SIZE = 50;

/** The newest page, or the page `next` named. */
export function accessLogFetch(next: AccessLogPage['next'] = null): Promise<AccessLogPage> {
  const query = next === null ? `limit=${String(ACCESS_LOG_PAGE_SIZE)}` : `limit=${String(ACCESS_LOG_PAGE_SIZE)}&offset=${String(next.offset)}&untilMs=${String(next.untilMs)}`;
  return apiCall(`/api/me/access-log?${query}`, pageSchema);
}
