/**
 * Asked once on a device with no identity yet: a name to keep reflections under. Reflections stay
 * private; the name is only seen by people you later choose to share something with.
 */
import { useState } from 'preact/hooks';
import { z } from 'zod';
import { ApiError, apiCall } from '../api/http.ts';
import { DisplayNameField } from '../session/display-name-field.tsx';

/** The name form; `onDone` runs once the device has an identity. */
export function NameFirst(props: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="card reflect-name"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        setError(null);
        apiCall('/api/identity', z.object({ id: z.string() }), { method: 'POST', body: { displayName: name } }).then(
          () => {
            props.onDone();
          },
          (failure: unknown) => {
            setBusy(false);
            setError(failure instanceof ApiError ? failure.message : 'Something went wrong. Please try again.');
          },
        );
      }}
    >
      <h2>First, a name</h2>
      <p>Attune keeps your reflections under a name, privately. Only people you choose to share something with will see it.</p>
      <DisplayNameField value={name} onInput={setName} />
      {error !== null && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="button-row">
        <button type="submit" disabled={busy || name.trim() === ''}>
          Continue
        </button>
      </div>
    </form>
  );
}
