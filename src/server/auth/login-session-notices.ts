/**
 * When login sessions end (sign out, sign out everywhere, a new password, a deleted or disabled
 * account), every node must close the live sockets opened under them within two seconds. The node
 * that ended them publishes one notice on the person's bus channel; each node's hub listens.
 */
import { z } from 'zod';

/** The bus channel for notices about one person's login sessions. */
export function loginSessionChannel(identityId: string): string {
  return `account:${identityId}`;
}

const noticeSchema = z.strictObject({
  type: z.literal('login_sessions_ended'),
  /** Which login sessions ended; 'all' for every one this person had. */
  loginSessionIds: z.union([z.literal('all'), z.array(z.string().min(1)).max(1000)]),
});

/** "These login sessions are over": close their sockets. */
export type LoginSessionsEndedNotice = z.infer<typeof noticeSchema>;

/** The bus text of a notice. */
export function loginSessionsEndedText(loginSessionIds: LoginSessionsEndedNotice['loginSessionIds']): string {
  return JSON.stringify({ type: 'login_sessions_ended', loginSessionIds } satisfies LoginSessionsEndedNotice);
}

/** Parses a bus message; null if it is not a notice this version understands. */
export function loginSessionsEndedParse(text: string): LoginSessionsEndedNotice | null {
  try {
    const parsed = noticeSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
