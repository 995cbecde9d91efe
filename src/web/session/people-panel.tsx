/**
 * Who is here, and how each person says they are (only what they chose to share). Your own
 * latest check-in shows too, marked private or shared. A body notice someone chose to share
 * ("Sam's body is asking for a slower moment") shows beside their name for a while.
 */
import { sessionPresentParticipants } from '../../core/session/queries.ts';
import type { SessionState } from '../../core/session/state.ts';
import { bodyNoticeSentence, type SharedBodyNotice } from '../body/body-notices.ts';
import { checkInWords } from './check-in-words.ts';

/** The list of people present. */
export function PeoplePanel(props: { state: SessionState; me: string | null; bodyNotices?: ReadonlyMap<string, SharedBodyNotice> }) {
  const { state, me } = props;
  const present = sessionPresentParticipants(state);
  return (
    <section class="card people" aria-labelledby="people-title">
      <h2 id="people-title">People here ({present.length})</h2>
      {present.length < 2 && <p class="hint">Waiting for the other person to join with your link.</p>}
      <ul class="people-list">
        {present.map((person) => {
          const mine = person.id === me;
          const checkIn = mine ? state.latestCheckIns[person.id] : state.latestSharedCheckIns[person.id];
          const notice = props.bodyNotices?.get(person.id);
          return (
            <li key={person.id} class="person">
              <span class="person-name">
                {person.displayName}
                {mine && <span class="tag">you</span>}
                {person.id === state.hostId && <span class="tag">started the session</span>}
              </span>
              <span class="person-state">
                {checkIn ? (
                  <>
                    {checkInWords(checkIn)}
                    {mine && <span class="tag quiet-tag">{checkIn.visibility === 'shared' ? 'shared' : 'private: only you see this'}</span>}
                  </>
                ) : (
                  <span class="hint">{mine ? 'No check-in yet' : 'Nothing shared yet'}</span>
                )}
              </span>
              {notice !== undefined && <span class="person-body-notice">{bodyNoticeSentence(notice.notice, person.displayName, mine)}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
