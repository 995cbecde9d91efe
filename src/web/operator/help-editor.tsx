/**
 * The operator's crisis-resources editor: the words at the top of "Need help now?" and one row
 * per resource (name, a line about it, a number to call or text, a website), rows added and
 * removed freely. Saved for everyone at once; the server checks every field and its sentence is
 * shown as it is. May first ask "confirm it is you", then saves by itself.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountView } from '../../core/protocol/account-api.ts';
import type { HelpResourcesView, OperatorHelpAnswer } from '../../core/protocol/operator-api.ts';
import { FormMessage } from '../account/account-fields.tsx';
import { ReauthPrompt } from '../account/reauth-prompt.tsx';
import { failureWords, useGuardedAction } from '../account/use-guarded-action.ts';
import { operatorHelpFetch, operatorHelpReset, operatorHelpSave } from './operator-api.ts';
import { helpSourceWords } from './operator-words.ts';

/** The most resources the server keeps. */
const RESOURCES_MAX = 20;

interface DraftRow {
  readonly key: number;
  readonly name: string;
  readonly description: string;
  readonly phone: string;
  readonly text: string;
  readonly url: string;
}

interface Draft {
  readonly intro: string;
  readonly rows: readonly DraftRow[];
}

let keySerial = 0;
function rowNew(from: Partial<Omit<DraftRow, 'key'>> = {}): DraftRow {
  keySerial += 1;
  return { key: keySerial, name: '', description: '', phone: '', text: '', url: '', ...from };
}

function draftOf(help: HelpResourcesView): Draft {
  return { intro: help.intro, rows: help.resources.map((resource) => rowNew(resource)) };
}

/** What is sent: trimmed, with empty optional fields left out. */
function helpOf(draft: Draft): HelpResourcesView {
  const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    intro: draft.intro.trim(),
    resources: draft.rows.map((row) => {
      const phone = optional(row.phone);
      const text = optional(row.text);
      const url = optional(row.url);
      return {
        name: row.name.trim(),
        description: row.description.trim(),
        ...(phone === undefined ? {} : { phone }),
        ...(text === undefined ? {} : { text }),
        ...(url === undefined ? {} : { url }),
      };
    }),
  };
}

/** One input of `type` (Preact types each input type apart, so each is written out). */
function inputOf(
  type: 'text' | 'tel' | 'url',
  common: {
    readonly id: string;
    readonly value: string;
    readonly maxLength: number;
    readonly 'aria-describedby': string | undefined;
    readonly 'aria-invalid': true | undefined;
    readonly onInput: (event: { currentTarget: HTMLInputElement }) => void;
  },
) {
  switch (type) {
    case 'tel':
      return <input type="tel" {...common} />;
    case 'url':
      return <input type="url" {...common} />;
    case 'text':
      return <input type="text" {...common} />;
  }
}

function Field(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly hint?: string;
  readonly type?: 'text' | 'tel' | 'url';
  /** Rows of a multi-line field; a one-line field when left out. */
  readonly rows?: number;
  readonly maxLength: number;
  readonly problem?: string | null;
  readonly onInput: (value: string) => void;
}) {
  const hintId = props.hint === undefined ? undefined : `${props.id}-hint`;
  const problemId = props.problem ? `${props.id}-problem` : undefined;
  const describedBy = [problemId, hintId].filter((id) => id !== undefined).join(' ') || undefined;
  const invalid = props.problem ? true : undefined;
  return (
    <div class="field account-field">
      <label for={props.id}>{props.label}</label>
      {props.rows !== undefined ? (
        <textarea
          id={props.id}
          value={props.value}
          maxLength={props.maxLength}
          rows={props.rows}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onInput={(event) => { props.onInput(event.currentTarget.value); }}
        />
      ) : (
        inputOf(props.type ?? 'text', {
          id: props.id,
          value: props.value,
          maxLength: props.maxLength,
          'aria-describedby': describedBy,
          'aria-invalid': invalid,
          onInput: (event: { currentTarget: HTMLInputElement }) => { props.onInput(event.currentTarget.value); },
        })
      )}
      {props.problem ? (
        <span class="error account-field-problem" id={problemId}>
          {props.problem}
        </span>
      ) : null}
      {props.hint !== undefined && (
        <span class="hint account-field-hint" id={hintId}>
          {props.hint}
        </span>
      )}
    </div>
  );
}

/** The section. */
export function HelpEditor(props: { readonly account: AccountView }) {
  const [loaded, setLoaded] = useState<OperatorHelpAnswer | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [nameMissing, setNameMissing] = useState<number | null>(null);
  const saving = useGuardedAction();
  const focusAfter = useRef<string | null>(null);

  const take = (answer: OperatorHelpAnswer) => {
    setLoaded(answer);
    setDraft(draftOf(answer.help));
  };
  useEffect(() => {
    operatorHelpFetch().then(take, (caught: unknown) => { setLoadError(failureWords(caught)); });
  }, []);
  useEffect(() => {
    if (focusAfter.current === null) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  if (draft === null || loaded === null) {
    return (
      <section class="card account-section operator-section" aria-labelledby="help-heading">
        <h2 id="help-heading">Crisis resources</h2>
        {loadError === null ? <p class="loading">Loading…</p> : <p role="alert">{loadError}</p>}
      </section>
    );
  }

  const rowChange = (key: number, change: Partial<Omit<DraftRow, 'key'>>) => {
    setDraft({ ...draft, rows: draft.rows.map((row) => (row.key === key ? { ...row, ...change } : row)) });
    setStatus(null);
    if (change.name !== undefined && key === nameMissing) setNameMissing(null);
  };
  const rowAdd = () => {
    const row = rowNew();
    focusAfter.current = `help-${String(row.key)}-name`;
    setDraft({ ...draft, rows: [...draft.rows, row] });
  };
  const rowRemove = (index: number) => {
    const rows = draft.rows.filter((_, at) => at !== index);
    const neighbour = rows[Math.min(index, rows.length - 1)];
    focusAfter.current = neighbour === undefined ? null : `help-${String(neighbour.key)}-name`;
    setDraft({ ...draft, rows });
    setStatus(null);
  };
  const save = (event: Event) => {
    event.preventDefault();
    const unnamed = draft.rows.find((row) => row.name.trim() === '');
    if (unnamed !== undefined) {
      saving.errorClear();
      setStatus(null);
      setNameMissing(unnamed.key);
      document.getElementById(`help-${String(unnamed.key)}-name`)?.focus();
      return;
    }
    setStatus(null);
    saving.run(
      () => operatorHelpSave(helpOf(draft)).then(take),
      () => { setStatus('Saved. Everyone sees these behind “Need help now?” the next time they open Attune.'); },
    );
  };
  const reset = () => {
    setStatus(null);
    saving.run(
      () => operatorHelpReset().then(take),
      () => { setStatus('Done: everyone sees the resources this server was set up with again.'); },
    );
  };

  return (
    <section class="card account-section operator-section" aria-labelledby="help-heading">
      <h2 id="help-heading">Crisis resources</h2>
      <p>
        What everyone sees behind “Need help now?”, on every screen. Put the numbers that work where the people using this
        Attune live, and say plainly that Attune is not an emergency service.
      </p>
      <p class="hint">{helpSourceWords(loaded.source, loaded.updatedAtMs)}</p>
      <form class="account-form" noValidate onSubmit={save}>
        <Field
          id="help-intro"
          label="Words at the top"
          rows={5}
          maxLength={600}
          value={draft.intro}
          onInput={(intro) => { setDraft({ ...draft, intro }); setStatus(null); }}
        />
        <ol class="operator-resources">
          {draft.rows.map((row, index) => {
            const id = `help-${String(row.key)}`;
            return (
              <li key={row.key}>
                <fieldset>
                  <legend>{row.name.trim() === '' ? `Resource ${String(index + 1)}` : row.name}</legend>
                  <Field id={`${id}-name`} label="Name" maxLength={120} value={row.name} problem={nameMissing === row.key ? 'Every resource needs a name, for example the name of the helpline.' : null} onInput={(name) => { rowChange(row.key, { name }); }} />
                  <Field id={`${id}-description`} label="What it is (optional)" rows={3} maxLength={400} value={row.description} onInput={(description) => { rowChange(row.key, { description }); }} />
                  <Field id={`${id}-phone`} label="Number to call (optional)" type="tel" maxLength={40} value={row.phone} onInput={(phone) => { rowChange(row.key, { phone }); }} />
                  <Field id={`${id}-text`} label="Number to text (optional)" type="tel" maxLength={80} value={row.text} onInput={(text) => { rowChange(row.key, { text }); }} />
                  <Field id={`${id}-url`} label="Website (optional)" type="url" maxLength={500} hint="Starting with https://" value={row.url} onInput={(url) => { rowChange(row.key, { url }); }} />
                  <div class="button-row">
                    <button type="button" class="quiet" disabled={draft.rows.length === 1} onClick={() => { rowRemove(index); }}>
                      Remove {row.name.trim() === '' ? `resource ${String(index + 1)}` : row.name}
                    </button>
                  </div>
                </fieldset>
              </li>
            );
          })}
        </ol>
        {draft.rows.length === 1 && <p class="hint">There is always at least one resource, so the last one stays.</p>}
        <div class="button-row">
          <button type="button" class="secondary" disabled={draft.rows.length >= RESOURCES_MAX} onClick={rowAdd}>
            Add a resource
          </button>
          <button type="submit" disabled={saving.busy || saving.askingProof}>
            {saving.busy ? 'Saving…' : 'Save for everyone'}
          </button>
        </div>
      </form>
      {saving.askingProof && <ReauthPrompt idBase="help" account={props.account} onConfirmed={saving.proofGiven} onDeclined={saving.proofDeclined} />}
      <FormMessage error={saving.error} status={status} />
      {loaded.source === 'operator' && (
        <div class="button-row">
          <button type="button" class="quiet" disabled={saving.busy || saving.askingProof} onClick={reset}>
            Go back to the resources the server was set up with
          </button>
        </div>
      )}
    </section>
  );
}
