/**
 * A practitioner's weekly availability: their time zone (their own, preselected), how long a
 * consultation lasts, the rest between two, how much notice they need, and the weekly times. The
 * same rules the server applies are checked as they type, and a preview shows the next times
 * people would be offered, on the practitioner's own clock.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { WEEKDAYS, type Weekday } from '../../core/consultations/availability.ts';
import { ApiError } from '../api/http.ts';
import { AppLink } from '../components/app-link.tsx';
import {
  BUFFER_CHOICES,
  NOTICE_CHOICES,
  SLOT_LENGTH_CHOICES,
  draftFromRules,
  draftPreview,
  draftProblems,
  draftToRules,
  draftWindowAdd,
  draftWindowChange,
  draftWindowRemove,
  type AvailabilityDraft,
  type DraftWindow,
} from './availability-draft.ts';
import { AVAILABILITY_PATH, CONSULTATIONS_PATH } from './consultation-paths.ts';
import { localDateWords, timeZoneChoices, timeZoneWords, viewerTimeZone, weekdayWords } from './consultation-time.ts';
import { availabilityGet, availabilityPut, type MyAvailability } from './consultations-api.ts';
import { RemoteStatus } from './remote-status.tsx';
import { useRemote } from './use-remote.ts';
import './consultations.css';

function WindowRow(props: { window: DraftWindow; index: number; onChange: (change: Partial<Omit<DraftWindow, 'key'>>) => void; onRemove: () => void }) {
  const { window, index } = props;
  const id = `window-${String(window.key)}`;
  const words = `${weekdayWords(window.weekday)} ${window.start}–${window.end}`;
  return (
    <li>
      <div class="window-row" role="group" aria-label={`Time ${String(index + 1)}: ${words}`}>
      <label class="window-field window-day" for={`${id}-day`}>
        Day
        <select id={`${id}-day`} value={String(window.weekday)} onChange={(event) => { props.onChange({ weekday: Number(event.currentTarget.value) as Weekday }); }}>
          {WEEKDAYS.map((weekday) => (
            <option key={weekday} value={String(weekday)}>
              {weekdayWords(weekday)}
            </option>
          ))}
        </select>
      </label>
      <label class="window-field" for={`${id}-start`}>
        From
        <input id={`${id}-start`} type="time" step={300} value={window.start} onInput={(event) => { props.onChange({ start: event.currentTarget.value }); }} />
      </label>
      <label class="window-field" for={`${id}-end`}>
        Until
        <input id={`${id}-end`} type="time" step={300} value={window.end} onInput={(event) => { props.onChange({ end: event.currentTarget.value }); }} />
      </label>
      <button type="button" class="quiet window-remove" onClick={props.onRemove}>
        Remove<span class="visually-hidden"> {words}</span>
      </button>
      </div>
    </li>
  );
}

function Editor(props: { saved: MyAvailability; onSaved: (saved: MyAvailability) => void }) {
  const [viewerZone] = useState(viewerTimeZone);
  const [draft, setDraft] = useState<AvailabilityDraft>(() => draftFromRules(props.saved.rules, viewerZone));
  const [zones] = useState(() => timeZoneChoices(viewerZone));
  const [status, setStatus] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const [nowMs] = useState(() => Date.now());
  const problems = draftProblems(draft);
  const preview = draftPreview(draft, nowMs, 6);
  const change = (next: AvailabilityDraft) => {
    setDraft(next);
    setStatus({ kind: 'idle' });
  };
  const save = async () => {
    setStatus({ kind: 'saving' });
    try {
      props.onSaved(await availabilityPut(draftToRules(draft)));
      setStatus({ kind: 'saved' });
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof ApiError ? error.message : 'Your times could not be saved. Please try again.' });
    }
  };
  const numberChange = (key: 'slotMinutes' | 'bufferMinutes' | 'minNoticeMinutes') => (event: { currentTarget: HTMLSelectElement }) => {
    change({ ...draft, [key]: Number(event.currentTarget.value) });
  };
  return (
    <form
      class="availability-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (problems.length === 0) void save();
      }}
    >
      <fieldset>
        <legend>Your time zone</legend>
        <label for="availability-zone">Time zone</label>
        <select id="availability-zone" value={draft.timeZone} onChange={(event) => { change({ ...draft, timeZone: event.currentTarget.value }); }}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {timeZoneWords(zone)}
            </option>
          ))}
        </select>
        <p class="hint">Your times are on this clock. They stay at the same clock time when daylight saving starts or ends.</p>
      </fieldset>
      <fieldset class="availability-lengths">
        <legend>Each consultation</legend>
        <label for="availability-length">
          Length
          <select id="availability-length" value={String(draft.slotMinutes)} onChange={numberChange('slotMinutes')}>
            {[...new Set([...SLOT_LENGTH_CHOICES, draft.slotMinutes])].sort((a, b) => a - b).map((minutes) => (
              <option key={minutes} value={String(minutes)}>{`${String(minutes)} minutes`}</option>
            ))}
          </select>
        </label>
        <label for="availability-buffer">
          Rest between
          <select id="availability-buffer" value={String(draft.bufferMinutes)} onChange={numberChange('bufferMinutes')}>
            {[...new Set([...BUFFER_CHOICES, draft.bufferMinutes])].sort((a, b) => a - b).map((minutes) => (
              <option key={minutes} value={String(minutes)}>{minutes === 0 ? 'No rest' : `${String(minutes)} minutes`}</option>
            ))}
          </select>
        </label>
        <label for="availability-notice">
          Booked at least
          <select id="availability-notice" value={String(draft.minNoticeMinutes)} onChange={numberChange('minNoticeMinutes')}>
            {NOTICE_CHOICES.some((choice) => choice.minutes === draft.minNoticeMinutes) ? null : <option value={String(draft.minNoticeMinutes)}>{`${String(draft.minNoticeMinutes)} minutes`}</option>}
            {NOTICE_CHOICES.map((choice) => (
              <option key={choice.minutes} value={String(choice.minutes)}>{`${choice.words} ahead`}</option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>Weekly times</legend>
        {draft.windows.length === 0 ? (
          <p class="hint">No times yet, so nobody can book you. Add the first one.</p>
        ) : (
          <ul class="window-list">
            {draft.windows.map((window, index) => (
              <WindowRow
                key={window.key}
                window={window}
                index={index}
                onChange={(windowChange) => { change(draftWindowChange(draft, window.key, windowChange)); }}
                onRemove={() => { change(draftWindowRemove(draft, window.key)); }}
              />
            ))}
          </ul>
        )}
        <button type="button" class="secondary" onClick={() => { change(draftWindowAdd(draft)); }}>
          Add a time
        </button>
      </fieldset>
      {problems.length > 0 && (
        <div class="notice" role="alert">
          <p>Before these times can be published:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {preview.length > 0 && (
        <div class="card availability-preview">
          <h2>The next times people will see</h2>
          <p class="hint">On your clock, in {timeZoneWords(draft.timeZone)}. Each person sees them in their own time zone.</p>
          <ul>
            {preview.map((slot) => (
              <li key={slot.startMs}>{`${localDateWords(slot.localDate)}, ${slot.localStart}`}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="button-row">
        <button type="submit" disabled={problems.length > 0 || status.kind === 'saving'}>
          {status.kind === 'saving' ? 'Saving…' : 'Publish these times'}
        </button>
      </div>
      <p role="status" class={status.kind === 'failed' ? 'error' : 'hint'}>
        {status.kind === 'saved' ? 'Saved. People can book these times now; consultations already booked stay as they are.' : status.kind === 'failed' ? status.message : ''}
      </p>
    </form>
  );
}

/** The screen. */
export default function AvailabilityScreen() {
  const { remote, reload, set } = useRemote(availabilityGet, 'availability');
  const [notPractitioner, setNotPractitioner] = useState<string | null>(null);
  useEffect(() => {
    if (remote.kind === 'failed' && remote.error.code === 'not_a_practitioner') setNotPractitioner(remote.error.message);
  }, [remote]);
  const onSaved = useCallback((saved: MyAvailability) => { set(saved); }, [set]);
  return (
    <section class="screen consultations" aria-labelledby="availability-title">
      <h1 id="availability-title">Your availability</h1>
      <p>The times you take consultations, week by week. People choose from them, each on their own clock.</p>
      {notPractitioner !== null ? (
        <p class="notice">{notPractitioner}</p>
      ) : (
        <RemoteStatus remote={remote} reload={reload} loadingWords="Opening your times…" next={AVAILABILITY_PATH} />
      )}
      {remote.kind === 'ready' && <Editor saved={remote.value} onSaved={onSaved} />}
      <AppLink href={CONSULTATIONS_PATH}>Your consultations</AppLink>
    </section>
  );
}
