/**
 * A reflection screen's records of one kind, with my relationships (to share with), loaded
 * together. A device with no identity yet is asked for a name first, since records are kept on
 * the server under a person; nothing is kept until they choose to save.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { PersonalRecordKind, PersonalRecordView, RelationshipView } from '../../core/protocol/between-us-api.ts';
import { ApiError } from '../api/http.ts';
import { relationshipsList } from '../us/us-api.ts';
import { recordsList } from './records-api.ts';

/** Where loading stands. */
export type RecordsLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'needsName' }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'ready'; readonly records: readonly PersonalRecordView[]; readonly relationships: readonly RelationshipView[] };

/** The records, and ways to fold a saved or changed record back in without reloading. */
export interface UseReflectionRecords {
  readonly load: RecordsLoad;
  readonly reload: () => void;
  /** Puts records (new or changed) into the list, replacing any with the same id. */
  readonly merge: (records: readonly PersonalRecordView[]) => void;
}

/** Loads my records of `kind` and my relationships. */
export function useReflectionRecords(kind: PersonalRecordKind): UseReflectionRecords {
  const [load, setLoad] = useState<RecordsLoad>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let alive = true;
    Promise.all([recordsList(kind), relationshipsList()]).then(
      ([records, relationships]) => {
        if (alive) setLoad({ kind: 'ready', records, relationships });
      },
      (error: unknown) => {
        if (!alive) return;
        if (error instanceof ApiError && error.status === 401) setLoad({ kind: 'needsName' });
        else setLoad({ kind: 'failed', message: error instanceof ApiError ? error.message : 'Something went wrong. Please try again.' });
      },
    );
    return () => {
      alive = false;
    };
  }, [kind, attempt]);

  const reload = useCallback(() => {
    setLoad({ kind: 'loading' });
    setAttempt((count) => count + 1);
  }, []);

  const merge = useCallback((changed: readonly PersonalRecordView[]) => {
    setLoad((current) => {
      if (current.kind !== 'ready') return current;
      const ids = new Set(changed.map((record) => record.recordId));
      return { ...current, records: [...current.records.filter((record) => !ids.has(record.recordId)), ...changed] };
    });
  }, []);

  return { load, reload, merge };
}
