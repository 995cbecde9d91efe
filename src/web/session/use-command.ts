/**
 * Sending a command from a button: remembers whether it is on its way and, if the session turned
 * it down, the sentence the server sent, to show as it is.
 */
import { useCallback, useState } from 'preact/hooks';
import type { SessionCommand } from '../../core/protocol/commands.ts';
import type { LiveOutcome } from '../net/live-session.ts';

/** How a screen sends commands. */
export type SendCommand = (command: SessionCommand) => Promise<LiveOutcome>;

/** `run(command)` sends and resolves with the outcome; `error` holds the last rejection. */
export function useCommand(send: SendCommand) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (command: SessionCommand): Promise<LiveOutcome> => {
      setBusy(true);
      setError(null);
      const outcome = await send(command);
      setBusy(false);
      if (!outcome.ok && outcome.code !== 'closed') setError(outcome.message);
      return outcome;
    },
    [send],
  );
  const clear = useCallback(() => {
    setError(null);
  }, []);
  return { run, busy, error, clear };
}
