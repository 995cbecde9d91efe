/**
 * Starting a relationship: what you are to each other (picked from pictures with words), a name
 * when this device has none yet, and then the invite link to send. Nothing is shared by starting
 * one: it only makes a private place the two of you can share things into later, item by item.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RelationshipKind } from '../../core/protocol/between-us-api.ts';
import { ApiError } from '../api/http.ts';
import { linkClick } from '../router.ts';
import { DisplayNameField } from '../session/display-name-field.tsx';
import { InviteCard } from './invite-card.tsx';
import { KindPicture } from './kind-picture.tsx';
import { RELATIONSHIP_KINDS_OFFERED, RELATIONSHIP_KIND_WORDS } from './relationship-words.ts';
import { relationshipStart, type RelationshipStarted } from './us-api.ts';
import { relationshipPath } from './us-routes.ts';

function KindChoice(props: {
  readonly value: RelationshipKind | null;
  readonly onChange: (kind: RelationshipKind) => void;
}) {
  return (
    <fieldset class="kind-choice">
      <legend>What are you to each other?</legend>
      {RELATIONSHIP_KINDS_OFFERED.map((kind) => (
        <label class="kind-option" key={kind}>
          <input
            type="radio"
            name="relationship-kind"
            value={kind}
            checked={props.value === kind}
            onChange={() => {
              props.onChange(kind);
            }}
          />
          <KindPicture kind={kind} />
          <span>
            <strong>{RELATIONSHIP_KIND_WORDS[kind].label}</strong>{' '}
            <span class="hint">{RELATIONSHIP_KIND_WORDS[kind].hint}</span>
          </span>
        </label>
      ))}
      <p class="hint">Links with a practitioner will come later, with accounts.</p>
    </fieldset>
  );
}

/** What happened after starting: the invite to send and the way in. */
function Started(props: { readonly started: RelationshipStarted }) {
  const { relationship, invite } = props.started;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const home = relationshipPath(relationship.relationshipId);
  const forWhom = `your ${RELATIONSHIP_KIND_WORDS[relationship.kind].person}`;
  return (
    <section class="screen" aria-labelledby="started-title">
      <h2 id="started-title" tabIndex={-1} ref={heading}>
        Now invite {forWhom}
      </h2>
      <p>
        Send them this link. They open it on their own phone or computer and choose the name you
        will see. Nothing of yours is shared with them by joining: you each choose what to share,
        item by item.
      </p>
      <InviteCard invite={invite} forWhom={forWhom} />
      <div class="button-row">
        <a
          class="button"
          href={home}
          onClick={(event) => {
            linkClick(event, home);
          }}
        >
          Go to your shared space
        </a>
      </div>
    </section>
  );
}

/** The form; `needsName` when this device has no identity yet. */
export function StartRelationship(props: { readonly needsName: boolean }) {
  const [kind, setKind] = useState<RelationshipKind | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState<RelationshipStarted | null>(null);

  if (started !== null) return <Started started={started} />;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (kind === null) {
      setError('Choose what you are to each other: partners, friends or family.');
      return;
    }
    const displayName = name.trim();
    if (props.needsName && displayName === '') {
      setError('Choose a name the other person will see. A first name or a nickname is plenty.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setStarted(await relationshipStart(kind, props.needsName ? displayName : null));
    } catch (caught) {
      setError(
        caught instanceof ApiError ? caught.message : 'Something went wrong. Please try again.',
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="screen" onSubmit={(event) => void submit(event)} noValidate>
      <KindChoice value={kind} onChange={setKind} />
      {props.needsName && (
        <DisplayNameField
          value={name}
          onInput={setName}
          hint="The name the other person sees. A first name or a nickname is plenty."
        />
      )}
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="button-row">
        <button type="submit" disabled={busy}>
          {busy ? 'Making the link…' : 'Make an invite link'}
        </button>
      </div>
    </form>
  );
}
