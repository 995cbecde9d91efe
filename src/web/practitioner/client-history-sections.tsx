/**
 * The parts of a client's page that show what they share: sessions together (their shared
 * check-ins and, when they share them, body signals summed up) and the check-ins and reflections
 * they shared. Everything here came from the server already filtered by the client's choices.
 */
import type { SessionTogetherView } from '../../core/practitioner/practitioner-api.ts';
import type { PersonalRecordView } from '../../core/protocol/between-us-api.ts';
import { AppLink } from '../components/app-link.tsx';
import { recordLinesOf } from '../reflections/record-lines.ts';
import { dayWords, momentWords, sessionBodyWords, sessionCheckInLines } from './practitioner-words.ts';

function reportPath(sessionId: string): string {
  return `/session/${encodeURIComponent(sessionId)}/report`;
}

/** Sessions together, newest first. */
export function SessionsTogether(props: { readonly name: string; readonly sessions: readonly SessionTogetherView[] }) {
  return (
    <section class="card" aria-labelledby="client-sessions-title">
      <h2 id="client-sessions-title">Sessions together</h2>
      {props.sessions.length === 0 ? (
        <p class="hint">No sessions together yet. When you both join a session started here, it shows in this list.</p>
      ) : (
        <ul class="practitioner-list">
          {props.sessions.map((session) => {
            const lines = sessionCheckInLines(session.checkIns);
            return (
              <li key={session.sessionId} class="practitioner-session">
                <h3>{dayWords(session.startedAtMs)}</h3>
                <p class="hint">{session.ended ? 'Ended.' : 'Still open.'}</p>
                {lines.length === 0 ? (
                  <p class="hint">No check-ins shared from this session.</p>
                ) : (
                  <ul class="plain-list">
                    {lines.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )}
                <p>{sessionBodyWords(session.body)}</p>
                {session.ended && (
                  <AppLink href={reportPath(session.sessionId)}>
                    Open the session report<span class="visually-hidden"> of {dayWords(session.startedAtMs)}</span>
                  </AppLink>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** Shared records of one kind group: check-ins, or reflections. */
export function SharedRecords(props: {
  readonly id: string;
  readonly title: string;
  readonly empty: string;
  readonly records: readonly PersonalRecordView[];
}) {
  return (
    <section class="card" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.records.length === 0 ? (
        <p class="hint">{props.empty}</p>
      ) : (
        <ul class="practitioner-list">
          {props.records.map((record) => {
            const { title, lines } = recordLinesOf(record);
            return (
              <li key={record.recordId} class="practitioner-record">
                <h3>{title}</h3>
                <p class="hint">Written {momentWords(record.atMs)}</p>
                <dl>
                  {lines.map((line) => (
                    <div key={line.label}>
                      <dt>{line.label}</dt>
                      <dd>{line.text}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
