/**
 * "Who has looked at what I share": a calm explanation, then each visit (one person, one moment,
 * what they were shown), newest first, with "Show earlier" for older ones. Read-only, like the log.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AccessLogEntryView, AccessLogPage } from '../../core/practitioner/practitioner-api.ts';
import { ApiError } from '../api/http.ts';
import type { Remote } from '../consultations/use-remote.ts';
import { LoadStatus } from '../practitioner/load-status.tsx';
import { momentWords } from '../practitioner/practitioner-words.ts';
import '../practitioner/practitioner.css';
import { accessLogFetch } from './access-log-api.ts';
import { ACCESS_LOG_PATH } from './access-log-paths.ts';
import { ACCESS_LOG_INTRO, accessVisits } from './access-log-words.ts';

interface Loaded {
  readonly entries: readonly AccessLogEntryView[];
  readonly next: AccessLogPage['next'];
}

function apiErrorOf(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Something went wrong. Please try again.');
}

/** The screen. */
export default function AccessLogScreen() {
  const [remote, setRemote] = useState<Remote<Loaded>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [more, setMore] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  useEffect(() => {
    let alive = true;
    accessLogFetch().then(
      (page) => {
        if (alive) setRemote({ kind: 'ready', value: { entries: page.entries, next: page.next } });
      },
      (error: unknown) => {
        if (alive) setRemote({ kind: 'failed', error: apiErrorOf(error) });
      },
    );
    return () => {
      alive = false;
    };
  }, [attempt]);

  const showEarlier = () => {
    if (remote.kind !== 'ready' || remote.value.next === null) return;
    const loaded = remote.value;
    setMore({ busy: true, error: null });
    accessLogFetch(loaded.next).then(
      (page) => {
        setMore({ busy: false, error: null });
        setRemote({ kind: 'ready', value: { entries: [...loaded.entries, ...page.entries], next: page.next } });
      },
      (error: unknown) => {
        setMore({ busy: false, error: apiErrorOf(error).message });
      },
    );
  };

  const visits = remote.kind === 'ready' ? accessVisits(remote.value.entries) : [];
  return (
    <section class="screen access-log" aria-labelledby="access-log-title">
      <h1 id="access-log-title">Who has looked at what I share</h1>
      {ACCESS_LOG_INTRO.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <LoadStatus
        remote={remote}
        reload={() => {
          setRemote({ kind: 'loading' });
          setAttempt((count) => count + 1);
        }}
        loadingWords="Opening your access log…"
        next={ACCESS_LOG_PATH}
        why="Your access log is kept with who you are on this device or in your account. Sign in to read it."
      />
      {remote.kind === 'ready' &&
        (visits.length === 0 ? (
          <p class="card">Nobody has looked at anything you share yet.</p>
        ) : (
          <>
            <ul class="practitioner-list access-log-list">
              {visits.map((visit) => (
                <li key={visit.key} class="card">
                  <p>
                    <strong>{visit.viewerName}</strong> {visit.through} looked at:
                  </p>
                  <ul>
                    {visit.what.map((what) => (
                      <li key={what}>{what}</li>
                    ))}
                  </ul>
                  <p class="hint">{momentWords(visit.atMs)}</p>
                </li>
              ))}
            </ul>
            {remote.value.next !== null && (
              <div class="button-row">
                <button type="button" class="secondary" disabled={more.busy} onClick={showEarlier}>
                  Show earlier
                </button>
              </div>
            )}
            {more.error !== null && (
              <p class="error" role="alert">
                {more.error}
              </p>
            )}
          </>
        ))}
    </section>
  );
}
