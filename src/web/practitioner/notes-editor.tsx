/**
 * A practitioner's private notes about one client: write one, change it, delete it. Only the
 * practitioner who wrote a note ever sees it; the section says so, so nobody is surprised.
 */
import { useEffect, useState } from 'preact/hooks';
import { PRACTITIONER_NOTE_MAX_LENGTH, type PractitionerNoteView } from '../../core/practitioner/practitioner-api.ts';
import { ApiError } from '../api/http.ts';
import { noteCreate, noteDelete, notesFetch, noteUpdate } from './practitioner-api.ts';
import { momentWords } from './practitioner-words.ts';

function problemOf(failure: unknown): string {
  return failure instanceof ApiError ? failure.message : 'Something went wrong. Please try again.';
}

function NoteItem(props: { readonly note: PractitionerNoteView; readonly onChanged: (note: PractitionerNoteView | null) => void }) {
  const { note } = props;
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    action().then(
      () => {
        setBusy(false);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(problemOf(failure));
      },
    );
  };
  const fieldId = `note-edit-${note.noteId}`;
  return (
    <li class="practitioner-note">
      <p class="hint">
        {momentWords(note.createdAtMs)}
        {note.updatedAtMs !== note.createdAtMs && ` · changed ${momentWords(note.updatedAtMs)}`}
      </p>
      {editing ? (
        <div class="field">
          <label for={fieldId}>Change this note</label>
          <textarea
            id={fieldId}
            value={text}
            maxLength={PRACTITIONER_NOTE_MAX_LENGTH}
            onInput={(event) => {
              setText(event.currentTarget.value);
            }}
          />
          <div class="button-row">
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                run(async () => {
                  props.onChanged(await noteUpdate(note.noteId, text));
                  setEditing(false);
                });
              }}
            >
              Save changes
            </button>
            <button
              type="button"
              class="quiet"
              onClick={() => {
                setText(note.text);
                setEditing(false);
              }}
            >
              Keep it as it was
            </button>
          </div>
        </div>
      ) : (
        <>
          <p class="practitioner-note-text">{note.text}</p>
          <div class="button-row">
            <button
              type="button"
              class="quiet"
              onClick={() => {
                setEditing(true);
              }}
            >
              Change<span class="visually-hidden"> the note of {momentWords(note.createdAtMs)}</span>
            </button>
            <button
              type="button"
              class="quiet"
              disabled={busy}
              onClick={() => {
                run(async () => {
                  await noteDelete(note.noteId);
                  props.onChanged(null);
                });
              }}
            >
              Delete<span class="visually-hidden"> the note of {momentWords(note.createdAtMs)}</span>
            </button>
          </div>
        </>
      )}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/** The notes section of a client's page. */
export function NotesEditor(props: { readonly clientId: string; readonly name: string }) {
  const [notes, setNotes] = useState<readonly PractitionerNoteView[] | null>(null);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    notesFetch(props.clientId).then(
      (loaded) => {
        if (alive) setNotes(loaded);
      },
      (failure: unknown) => {
        if (alive) setError(problemOf(failure));
      },
    );
    return () => {
      alive = false;
    };
  }, [props.clientId]);

  const save = () => {
    setBusy(true);
    setError(null);
    noteCreate(props.clientId, draft).then(
      (note) => {
        setBusy(false);
        setDraft('');
        setNotes((current) => [note, ...(current ?? [])]);
        setStatus('Note kept. Only you can see it.');
      },
      (failure: unknown) => {
        setBusy(false);
        setError(problemOf(failure));
      },
    );
  };

  return (
    <section class="card practitioner-notes" aria-labelledby="notes-title">
      <h2 id="notes-title">Your private notes</h2>
      <p class="hint">Only you see these. {props.name} does not, and they are not part of what {props.name} shares.</p>
      <div class="field">
        <label for="note-new">New note</label>
        <textarea
          id="note-new"
          value={draft}
          maxLength={PRACTITIONER_NOTE_MAX_LENGTH}
          onInput={(event) => {
            setDraft(event.currentTarget.value);
          }}
        />
      </div>
      <div class="button-row">
        <button type="button" disabled={busy || draft.trim() === ''} onClick={save}>
          Keep this note
        </button>
      </div>
      <p class="hint" role="status">
        {status}
      </p>
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {notes === null ? (
        error === null && (
          <p class="loading" role="status">
            Opening your notes…
          </p>
        )
      ) : notes.length === 0 ? (
        <p class="hint">No notes yet.</p>
      ) : (
        <ul class="practitioner-list">
          {notes.map((note) => (
            <NoteItem
              key={note.noteId}
              note={note}
              onChanged={(changed) => {
                setNotes((current) =>
                  (current ?? []).flatMap((candidate) => (candidate.noteId !== note.noteId ? [candidate] : changed === null ? [] : [changed])),
                );
                setStatus(changed === null ? 'Note deleted.' : 'Changes saved.');
              }}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
