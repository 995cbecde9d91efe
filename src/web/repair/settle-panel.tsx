/**
 * Step 1: each person settles on their own first (DESIGN rule 1), with a solo practice if they
 * like, and says "I'm settled enough" when they are. Which practice helped stays theirs (R-V3);
 * the others only learn that they have settled. Nobody is hurried: there is no timer.
 */
import { useState } from 'preact/hooks';
import { PRACTICE_LIST, durationInWords } from '../../core/practices/index.ts';
import type { RepairState } from '../../core/repair/index.ts';
import { AppLink } from '../components/app-link.tsx';
import type { RepairPeople } from './repair-people.ts';
import type { RepairSend } from './use-repair.ts';

const SOLO_PRACTICES = PRACTICE_LIST.filter((practice) => practice.solo);

/** The settling step. */
export function SettlePanel(props: { state: RepairState; people: RepairPeople; send: RepairSend; busy: boolean }) {
  const { state, people } = props;
  const [practiceId, setPracticeId] = useState('');
  const meSettled = people.meId in state.settled;
  const othersSettled = state.memberIds.filter((id) => id !== people.meId && id in state.settled);
  const othersSettling = state.memberIds.filter((id) => id !== people.meId && !(id in state.settled));

  return (
    <div class="repair-panel">
      <h3>A practice on your own</h3>
      <ul class="repair-practices">
        {SOLO_PRACTICES.map((practice) => (
          <li key={practice.id}>
            <AppLink class="button secondary" href={`/practice/${practice.id}`}>
              {practice.title}
            </AppLink>
            <span class="hint"> about {durationInWords(practice.defaultDurationMs)}</span>
          </li>
        ))}
      </ul>
      <p class="hint">When you finish, your browser’s back button brings you back here. Everything here waits for you.</p>

      {meSettled ? (
        <p class="repair-done" role="status">
          You said you are settled enough.{' '}
          {othersSettling.length > 0 ? `${people.namesOf(othersSettling)} may need a little longer, and that is fine.` : 'Everyone has settled.'}
        </p>
      ) : (
        <div class="repair-action">
          <label for="repair-settle-practice">Which practice helped? (optional, and only you see this)</label>
          <select
            id="repair-settle-practice"
            value={practiceId}
            onChange={(event) => {
              setPracticeId(event.currentTarget.value);
            }}
          >
            <option value="">I’d rather not say, or none</option>
            {SOLO_PRACTICES.map((practice) => (
              <option key={practice.id} value={practice.id}>
                {practice.title}
              </option>
            ))}
          </select>
          <div class="button-row">
            <button
              type="button"
              disabled={props.busy}
              onClick={() => {
                void props.send(practiceId === '' ? { type: 'markSettled' } : { type: 'markSettled', practiceId });
              }}
            >
              I’m settled enough
            </button>
          </div>
        </div>
      )}
      {!meSettled && othersSettled.length > 0 && <p class="hint">{people.namesOf(othersSettled)} {othersSettled.length === 1 ? 'has' : 'have'} settled. Take the time you need.</p>}
    </div>
  );
}
