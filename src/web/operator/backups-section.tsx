/**
 * The operator's backups: the folder on the server they go to, the ones there, and "Make a backup
 * now", which says where the new file went. A backup holds everyone's content, so this page never
 * offers it for download: the operator fetches it from the server's disk. On Postgres without
 * pg_dump, the server's sentence on how to back up instead is shown.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AccountView } from '../../core/protocol/account-api.ts';
import type { BackupsAnswer, BackupView } from '../../core/protocol/operator-api.ts';
import { FormMessage } from '../account/account-fields.tsx';
import { ReauthPrompt } from '../account/reauth-prompt.tsx';
import { failureWords, useGuardedAction } from '../account/use-guarded-action.ts';
import { operatorBackupMake, operatorBackupsFetch } from './operator-api.ts';
import { sizeWords, whenWords } from './operator-words.ts';

/** The section. */
export function BackupsSection(props: { readonly account: AccountView }) {
  const [loaded, setLoaded] = useState<BackupsAnswer | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [made, setMade] = useState<BackupView | null>(null);
  const making = useGuardedAction();

  const reload = () => {
    operatorBackupsFetch().then(setLoaded, (caught: unknown) => { setLoadError(failureWords(caught)); });
  };
  useEffect(reload, []);

  const make = () => {
    setMade(null);
    making.run(
      () => operatorBackupMake().then(setMade),
      reload,
    );
  };

  return (
    <section class="card account-section operator-section" aria-labelledby="backups-heading">
      <h2 id="backups-heading">Backups</h2>
      <p>
        A backup is a copy of everything on this Attune, everyone’s sessions and reflections included. So it never leaves the
        server through this page: it is saved on the server’s own disk, and you fetch it from there. Keep it as carefully as the
        server itself.
      </p>
      {loaded === null ? (
        loadError === null ? <p class="loading">Loading…</p> : <p role="alert">{loadError}</p>
      ) : (
        <>
          <p>
            Backups go to this folder on the server: <code class="operator-path">{loaded.directory}</code>
          </p>
          {loaded.canBackUp ? (
            <div class="button-row">
              <button type="button" disabled={making.busy || making.askingProof} onClick={make}>
                {making.busy ? 'Making the backup…' : 'Make a backup now'}
              </button>
            </div>
          ) : (
            <p class="notice">{loaded.howTo}</p>
          )}
          {making.askingProof && <ReauthPrompt idBase="backups" account={props.account} onConfirmed={making.proofGiven} onDeclined={making.proofDeclined} />}
          <FormMessage
            error={making.error}
            status={made === null ? null : `Backup made (${sizeWords(made.sizeBytes)}). It is on the server at ${made.path}`}
          />
          {loaded.backups.length === 0 ? (
            <p class="hint">There are no backups in that folder yet.</p>
          ) : (
            <>
              <h3>In the folder now</h3>
              <ul class="operator-backups">
                {loaded.backups.map((backup) => (
                  <li key={backup.fileName}>
                    <code class="operator-path">{backup.fileName}</code>
                    <span class="hint">
                      {whenWords(backup.createdAtMs)} · {sizeWords(backup.sizeBytes)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
