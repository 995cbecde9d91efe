/**
 * Reflect: quiet places to notice how you relate. Three of them (doing it all alone, the two
 * questions, the markers of change), each private unless one item is shared on purpose.
 */
import { useEffect, useState } from 'preact/hooks';
import type { RelationshipView } from '../../core/protocol/between-us-api.ts';
import { AppLink } from '../components/app-link.tsx';
import { LearnLink } from '../learn/learn-link.tsx';
import { relationshipsList } from '../us/us-api.ts';
import { REFLECT_PATHS } from './reflect-routes.ts';
import { relationshipOthersWords, relationshipsToShareWith } from './reflection-words.ts';
import { SharedWithUs } from './shared-with-us.tsx';
import './reflections.css';

const PLACES = [
  {
    href: REFLECT_PATHS.hyperIndependence,
    title: 'Doing it all alone',
    text: 'Signs you might notice, where it may come from, what it can cost, and a small experiment each week toward letting others in.',
  },
  {
    href: REFLECT_PATHS.twoQuestions,
    title: 'Two questions about closeness',
    text: 'Do you feel worth care? Can you count on others? Answer with a number, in words, or both, and come back to them over time.',
  },
  {
    href: REFLECT_PATHS.markers,
    title: 'Markers of change',
    text: 'Five small signs that something is shifting. Rate them now and then, and see plainly how they move.',
  },
] as const;

/** What was shared in each of my relationships, so what others shared with me is easy to find. */
function SharedInMyRelationships() {
  const [relationships, setRelationships] = useState<readonly RelationshipView[]>([]);
  useEffect(() => {
    let alive = true;
    relationshipsList().then(
      (found) => {
        if (alive) setRelationships(relationshipsToShareWith(found));
      },
      () => {
        // No identity yet, or offline: there is simply nothing shared to show.
      },
    );
    return () => {
      alive = false;
    };
  }, []);
  if (relationships.length === 0) return null;
  return (
    <>
      {relationships.map((relationship) => (
        <SharedWithUs key={relationship.relationshipId} relationshipId={relationship.relationshipId} withNames={relationshipOthersWords(relationship)} />
      ))}
    </>
  );
}

/** The Reflect screen. */
export default function ReflectScreen() {
  return (
    <section class="screen reflect" aria-labelledby="reflect-title">
      <h1 id="reflect-title">Reflect</h1>
      <p>Quiet places to notice how you relate to others and to yourself. There are no right answers and nothing to score.</p>
      <p class="notice">Everything here is private. You can choose to share one item at a time with someone you are linked with, and stop sharing whenever you like.</p>
      <ul class="reflect-places">
        {PLACES.map((place) => (
          <li class="card" key={place.href}>
            <h2>{place.title}</h2>
            <p>{place.text}</p>
            <AppLink class="button secondary" href={place.href}>
              Open<span class="visually-hidden"> {place.title.toLowerCase()}</span>
            </AppLink>
          </li>
        ))}
      </ul>
      <SharedInMyRelationships />
      <div class="reflect-links">
        <LearnLink cardId="attachment" />
        <AppLink href="/progress">See your progress over time</AppLink>
      </div>
    </section>
  );
}
