/**
 * Gentle prompt settings: whether Attune offers prompts at all (off until turned on), on which
 * days and at which times, with quiet hours, and which kinds. Saved only when the person says so;
 * what still needs a choice is said in plain sentences.
 */
import { useEffect, useState } from 'preact/hooks';
import { z } from 'zod';
import {
  PROMPT_SETTINGS_NOTE,
  PROMPT_THEMES,
  PROMPT_THEME_NAMES,
  promptSettingsSchema,
  type PromptSettings,
} from '../../core/prompts/index.ts';
import { ApiError, apiCall } from '../api/http.ts';
import { AppLink } from '../components/app-link.tsx';
import { NameFirst } from '../reflections/name-first.tsx';
import {
  WEEKDAYS,
  draftCanAddTime,
  draftChecked,
  draftEnabledSet,
  draftThemeToggled,
  draftTimeAdded,
  draftTimeChanged,
  draftTimeRemoved,
  draftWeekdayToggled,
  type PromptSettingsDraft,
} from './prompt-settings-draft.ts';
import './prompt-settings.css';

const settingsReply = z.object({ settings: promptSettingsSchema });

type Loaded = { readonly kind: 'loading' } | { readonly kind: 'needsName' } | { readonly kind: 'failed'; readonly message: string } | { readonly kind: 'ready' };

function SettingsForm(props: { saved: PromptSettings }) {
  const [draft, setDraft] = useState<PromptSettingsDraft>(props.saved);
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (next: PromptSettingsDraft) => {
    setDraft(next);
    setStatus(null);
  };

  return (
    <form
      class="card prompt-settings"
      onSubmit={(event) => {
        event.preventDefault();
        const checked = draftChecked(draft);
        if (!checked.ok) {
          setProblems(checked.problems);
          return;
        }
        setProblems([]);
        setBusy(true);
        apiCall('/api/prompts/settings', settingsReply, { method: 'PUT', body: checked.settings }).then(
          (reply) => {
            setBusy(false);
            setDraft(reply.settings);
            setStatus(reply.settings.enabled ? 'Saved. Prompts will appear on the home screen at the times you chose.' : 'Saved. Gentle prompts are off.');
          },
          (failure: unknown) => {
            setBusy(false);
            setProblems([failure instanceof ApiError ? failure.message : 'Something went wrong. Please try again.']);
          },
        );
      }}
    >
      <label class="prompt-toggle">
        <input
          type="checkbox"
          checked={draft.enabled}
          aria-describedby="prompt-note"
          onChange={(event) => {
            change(draftEnabledSet(draft, event.currentTarget.checked));
          }}
        />
        <span>Offer me gentle prompts</span>
      </label>
      <p class="hint" id="prompt-note">
        {PROMPT_SETTINGS_NOTE}
      </p>

      {draft.enabled && (
        <>
          <fieldset>
            <legend>Days</legend>
            <div class="prompt-days">
              {WEEKDAYS.map(({ day, name }) => (
                <label class="prompt-check" key={day}>
                  <input
                    type="checkbox"
                    checked={draft.weekdays.includes(day)}
                    onChange={() => {
                      change(draftWeekdayToggled(draft, day));
                    }}
                  />
                  <span>{name}</span>
                </label>
              ))}
            </div>
          </fieldset>

          <fieldset>
            <legend>Times of day</legend>
            {draft.timesOfDay.map((time, index) => (
              <div class="prompt-time" key={index}>
                <label for={`prompt-time-${String(index)}`}>Time {index + 1}</label>
                <input
                  id={`prompt-time-${String(index)}`}
                  type="time"
                  value={time}
                  onInput={(event) => {
                    change(draftTimeChanged(draft, index, event.currentTarget.value));
                  }}
                />
                <button
                  type="button"
                  class="quiet"
                  onClick={() => {
                    change(draftTimeRemoved(draft, index));
                  }}
                >
                  Remove<span class="visually-hidden"> time {index + 1}</span>
                </button>
              </div>
            ))}
            {draftCanAddTime(draft) && (
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  change(draftTimeAdded(draft));
                }}
              >
                Add a time
              </button>
            )}
          </fieldset>

          <fieldset>
            <legend>Quiet hours</legend>
            <label class="prompt-check">
              <input
                type="checkbox"
                checked={draft.quietHours !== null}
                onChange={(event) => {
                  change({ ...draft, quietHours: event.currentTarget.checked ? { start: '21:30', end: '08:00' } : null });
                }}
              />
              <span>Never between these times</span>
            </label>
            {draft.quietHours !== null && (
              <div class="prompt-quiet">
                <label for="prompt-quiet-start">From</label>
                <input
                  id="prompt-quiet-start"
                  type="time"
                  value={draft.quietHours.start}
                  onInput={(event) => {
                    const start = event.currentTarget.value;
                    change({ ...draft, quietHours: { start, end: draft.quietHours?.end ?? '08:00' } });
                  }}
                />
                <label for="prompt-quiet-end">until</label>
                <input
                  id="prompt-quiet-end"
                  type="time"
                  value={draft.quietHours.end}
                  onInput={(event) => {
                    const end = event.currentTarget.value;
                    change({ ...draft, quietHours: { start: draft.quietHours?.start ?? '21:30', end } });
                  }}
                />
              </div>
            )}
          </fieldset>

          <fieldset>
            <legend>Kinds of prompt</legend>
            {PROMPT_THEMES.map((theme) => (
              <label class="prompt-check" key={theme}>
                <input
                  type="checkbox"
                  checked={draft.themes.includes(theme)}
                  onChange={() => {
                    change(draftThemeToggled(draft, theme));
                  }}
                />
                <span>{PROMPT_THEME_NAMES[theme]}</span>
              </label>
            ))}
          </fieldset>
        </>
      )}

      {problems.length > 0 && (
        <ul class="error prompt-problems" role="alert">
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div class="button-row">
        <button type="submit" disabled={busy}>
          Save prompt settings
        </button>
      </div>
      <p class="hint" role="status">
        {status ?? ''}
      </p>
    </form>
  );
}

/** The prompt settings screen. */
export default function PromptSettingsScreen() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [saved, setSaved] = useState<PromptSettings | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    apiCall('/api/prompts/settings', settingsReply).then(
      (reply) => {
        if (!alive) return;
        setSaved(reply.settings);
        setLoaded({ kind: 'ready' });
      },
      (error: unknown) => {
        if (!alive) return;
        if (error instanceof ApiError && error.status === 401) setLoaded({ kind: 'needsName' });
        else setLoaded({ kind: 'failed', message: error instanceof ApiError ? error.message : 'Something went wrong. Please try again.' });
      },
    );
    return () => {
      alive = false;
    };
  }, [attempt]);

  return (
    <section class="screen" aria-labelledby="prompt-settings-title">
      <h1 id="prompt-settings-title">Gentle prompts</h1>
      <p>Now and then, Attune can offer one small invitation on the home screen: to check in, to try a practice, to reflect, or to reach toward someone close. Each one is optional, none repeats within a season, and nothing keeps count.</p>
      {loaded.kind === 'loading' && (
        <p class="loading" role="status">
          Opening your settings…
        </p>
      )}
      {loaded.kind === 'needsName' && (
        <NameFirst
          onDone={() => {
            setLoaded({ kind: 'loading' });
            setAttempt((count) => count + 1);
          }}
        />
      )}
      {loaded.kind === 'failed' && <p role="alert">{loaded.message}</p>}
      {loaded.kind === 'ready' && saved !== null && <SettingsForm saved={saved} />}
      <div class="button-row">
        <AppLink class="button quiet" href="/progress">
          Your progress
        </AppLink>
      </div>
    </section>
  );
}
