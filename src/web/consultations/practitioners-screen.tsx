/**
 * The practitioners who take consultations here, by name only, each with a way to see their
 * times. Anyone signed in can look; booking needs an account.
 */
import type { PractitionerListing } from '../../core/protocol/consultations-api.ts';
import { AppLink } from '../components/app-link.tsx';
import { CONSULTATIONS_PATH, PRACTITIONERS_PATH, bookPath } from './consultation-paths.ts';
import { practitionersList } from './consultations-api.ts';
import { RemoteStatus } from './remote-status.tsx';
import { useRemote } from './use-remote.ts';
import './consultations.css';

function PractitionerItem(props: { practitioner: PractitionerListing }) {
  const { practitioner } = props;
  return (
    <li class="card practitioner-item">
      <h2>{practitioner.displayName}</h2>
      {practitioner.offersTimes ? (
        <AppLink class="button secondary" href={bookPath(practitioner.practitionerId)}>
          See times<span class="visually-hidden"> with {practitioner.displayName}</span>
        </AppLink>
      ) : (
        <p class="hint">No times on offer at the moment.</p>
      )}
    </li>
  );
}

/** The screen. */
export default function PractitionersScreen() {
  const { remote, reload } = useRemote(practitionersList, 'practitioners');
  return (
    <section class="screen consultations" aria-labelledby="practitioners-title">
      <h1 id="practitioners-title">Book a consultation</h1>
      <p>Choose who you would like to see. You will see their free times in your own time zone.</p>
      <RemoteStatus remote={remote} reload={reload} loadingWords="Finding practitioners…" next={PRACTITIONERS_PATH} />
      {remote.kind === 'ready' &&
        (remote.value.length === 0 ? (
          <p class="hint">No practitioners take consultations here yet.</p>
        ) : (
          <ul class="practitioner-list">
            {remote.value.map((practitioner) => (
              <PractitionerItem key={practitioner.practitionerId} practitioner={practitioner} />
            ))}
          </ul>
        ))}
      <AppLink href={CONSULTATIONS_PATH}>Your consultations</AppLink>
    </section>
  );
}
