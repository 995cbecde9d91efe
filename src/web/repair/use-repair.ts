/**
 * One repair kept up to date while its screen is open: read at once, then every few seconds while
 * the tab is visible (and straight away when it becomes visible again) until it is closed, and
 * after each command from the command's own reply. A reply that began before a newer one arrived is dropped, so the
 * screen never steps back.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { RepairCommand } from '../../core/repair/index.ts';
import { ApiError } from '../api/http.ts';
import { repairCommandSend, repairFetch, type ReceivedRepair } from './repair-api.ts';

/** How often an open repair is read again: a few seconds keeps both screens in step without hurry. */
export const REPAIR_POLL_MS = 3000;

/** A command a member sends into an open repair. */
export type RepairStepCommand = Exclude<RepairCommand, { type: 'startRepair' }>;

/** Sends a command; resolves true when it was accepted. */
export type RepairSend = (command: RepairStepCommand) => Promise<boolean>;

/** The repair as loaded, with a way to send commands and the last sentence a command came back with. */
export interface UseRepair {
  readonly repair: ReceivedRepair | null;
  /** Why the repair could not be read at all, with whether trying again could help. */
  readonly loadProblem: { readonly message: string; readonly canRetry: boolean } | null;
  readonly send: RepairSend;
  readonly busy: boolean;
  /** The sentence of the last command turned down (or that could not be sent), until the next one. */
  readonly commandError: string | null;
  readonly retry: () => void;
}

function problemOf(error: unknown): { message: string; canRetry: boolean } {
  if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) {
    return { message: 'This repair could not be found here. It opens for the people in it, on the device they use Attune on.', canRetry: false };
  }
  return { message: error instanceof ApiError ? error.message : 'Something went wrong. Please try again.', canRetry: true };
}

/** Loads and follows the repair `repairId`. */
export function useRepair(repairId: string): UseRepair {
  const [repair, setRepair] = useState<ReceivedRepair | null>(null);
  const [loadProblem, setLoadProblem] = useState<UseRepair['loadProblem']>(null);
  const [busy, setBusy] = useState(false);
  const [commandError, setCommandError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const serial = useRef(0);
  const applied = useRef(0);
  // A completed or set-aside repair changes no more for anyone else to see: reading it again can stop.
  const closed = useRef(false);

  const apply = useCallback((requestSerial: number, next: ReceivedRepair) => {
    if (requestSerial < applied.current) return;
    applied.current = requestSerial;
    closed.current = next.state.status !== 'open';
    setRepair(next);
  }, []);

  useEffect(() => {
    let alive = true;
    let timer: number | undefined;
    let inFlight = false;
    const read = () => {
      if (inFlight || closed.current || document.visibilityState === 'hidden') return;
      inFlight = true;
      serial.current += 1;
      const requestSerial = serial.current;
      repairFetch(repairId).then(
        (next) => {
          inFlight = false;
          if (!alive) return;
          setLoadProblem(null);
          apply(requestSerial, next);
        },
        (error: unknown) => {
          inFlight = false;
          // A dropped poll leaves the repair on screen; only a first read shows the problem.
          if (alive && applied.current === 0) setLoadProblem(problemOf(error));
        },
      );
    };
    read();
    timer = window.setInterval(read, REPAIR_POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === 'visible') read();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      alive = false;
      window.clearInterval(timer);
      timer = undefined;
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [repairId, attempt, apply]);

  const send = useCallback<RepairSend>(
    async (command) => {
      setBusy(true);
      setCommandError(null);
      serial.current += 1;
      const requestSerial = serial.current;
      try {
        const reply = await repairCommandSend(repairId, command);
        if (reply.repair !== null) apply(requestSerial, reply.repair);
        if (!reply.outcome.ok) setCommandError(reply.outcome.message);
        return reply.outcome.ok;
      } catch (error) {
        setCommandError(error instanceof ApiError ? error.message : 'Something went wrong. Please try again.');
        return false;
      } finally {
        setBusy(false);
      }
    },
    [repairId, apply],
  );

  const retry = useCallback(() => {
    setLoadProblem(null);
    setAttempt((count) => count + 1);
  }, []);

  return { repair, loadProblem, send, busy, commandError, retry };
}
