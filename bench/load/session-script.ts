/**
 * What a simulated session says, in order: check-ins between rounds of a whole practice
 * (propose, everyone ready, start, a pause and resume, stop). Each step names who sends it. The
 * generator sends one step at a time per session, so every step is decided against the state
 * the previous one left, and the script keeps being accepted round after round.
 */
import { OPEN_BOUNDARIES } from '../../src/core/boundaries/boundary.ts';

/** One command in the script: who sends it, and the command as JSON text (without its id). */
export interface ScriptStep {
  readonly senderIndex: number;
  readonly commandJson: string;
}

function checkIn(senderIndex: number, intensity: number): ScriptStep {
  return {
    senderIndex,
    commandJson: JSON.stringify({ type: 'checkIn', state: 'regulated', intensity, tags: ['warm hands'], note: 'settling in', visibility: 'shared', moment: 'any' }),
  };
}

/** The join each participant sends once, after hello. */
export const JOIN_COMMAND_JSON = (displayName: string): string => JSON.stringify({ type: 'join', displayName, boundaries: OPEN_BOUNDARIES });

/** The repeating script for a session of `size` people. */
export function sessionScript(size: number): readonly ScriptStep[] {
  const steps: ScriptStep[] = [checkIn(0, 4)];
  steps.push({ senderIndex: 1 % size, commandJson: JSON.stringify({ type: 'proposePractice', practiceId: 'breath-sync', durationMs: 60_000 }) });
  for (let index = 0; index < size; index += 1) steps.push({ senderIndex: index, commandJson: JSON.stringify({ type: 'setReady', ready: true }) });
  steps.push({ senderIndex: 0, commandJson: JSON.stringify({ type: 'startPractice' }) });
  steps.push(checkIn(2 % size, 3));
  steps.push({ senderIndex: 1 % size, commandJson: JSON.stringify({ type: 'pause', sayItWasMe: false }) });
  steps.push({ senderIndex: 1 % size, commandJson: JSON.stringify({ type: 'resume' }) });
  steps.push({ senderIndex: 0, commandJson: JSON.stringify({ type: 'endPractice', outcome: 'stopped' }) });
  steps.push(checkIn(size - 1, 2));
  return steps;
}
