/**
 * What a reflection screen shows until its records are ready: a quiet "opening…", the name
 * step for a device with no identity yet, or the problem with a way to try again.
 */
import { NameFirst } from './name-first.tsx';
import type { RecordsLoad } from './use-reflection-records.ts';

/** Nothing once the records are ready. */
export function RecordsLoadStatus(props: { load: RecordsLoad; reload: () => void; openingWords: string }) {
  const { load } = props;
  if (load.kind === 'loading') {
    return (
      <p class="loading" role="status">
        {props.openingWords}
      </p>
    );
  }
  if (load.kind === 'needsName') return <NameFirst onDone={props.reload} />;
  if (load.kind === 'failed') {
    return (
      <div role="alert">
        <p>{load.message}</p>
        <button type="button" onClick={props.reload}>
          Try again
        </button>
      </div>
    );
  }
  return null;
}
