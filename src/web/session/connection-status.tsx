/** The connection, visible at a glance; calm words when it is trying again. */
import type { LiveSnapshot } from '../net/live-session.ts';

/** Words for each status. */
export function connectionWords(snapshot: Pick<LiveSnapshot, 'status' | 'failedAttempts' | 'pendingCommands'>): { label: string; detail: string | null } {
  switch (snapshot.status) {
    case 'connecting':
      return { label: 'Connecting…', detail: null };
    case 'syncing-clock':
      return { label: 'Connected', detail: 'Setting the shared clock so every screen moves together.' };
    case 'live':
      return { label: 'Connected', detail: null };
    case 'reconnecting':
      return {
        label: 'Reconnecting…',
        detail:
          'The connection dropped. Nothing will be lost: anything you do now is sent as soon as it is back.' +
          (snapshot.failedAttempts >= 3 ? ' If this goes on, check your internet connection, or reload the page.' : ''),
      };
    case 'ended':
      return { label: 'Closed', detail: null };
  }
}

/** A small status line at the top of the session. */
export function ConnectionStatus(props: { snapshot: LiveSnapshot }) {
  const { label, detail } = connectionWords(props.snapshot);
  return (
    <div class={`connection connection-${props.snapshot.status}`} role="status">
      <span class="connection-dot" aria-hidden="true" />
      <span class="connection-label">{label}</span>
      {detail !== null && <span class="connection-detail">{detail}</span>}
    </div>
  );
}
