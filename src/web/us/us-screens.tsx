/**
 * The screens of "Between us", Learn and the worked example, each loaded only when opened, and
 * the one function the app shell calls to pick among them. Kept apart from `app.tsx` so the shell
 * stays a short list and none of these screens' code is in the first page.
 */
import { lazyScreen } from '../lazy-screen.tsx';
import { learnRouteOf } from '../learn/learn-routes.ts';
import { usRouteOf } from './us-routes.ts';

const UsScreen = lazyScreen<object>(() => import('../screens/us.tsx'));
const RelationshipJoinScreen = lazyScreen<{ token: string }>(
  () => import('./join-relationship-screen.tsx'),
);
const RelationshipScreen = lazyScreen<{ relationshipId: string }>(
  () => import('./relationship-screen.tsx'),
);
const CycleScreen = lazyScreen<{ relationshipId: string }>(
  () => import('../cycles/cycle-screen.tsx'),
);
const LearnScreen = lazyScreen<object>(() => import('../learn/learn-screen.tsx'));
const LearnCardScreen = lazyScreen<{ cardId: string }>(
  () => import('../learn/learn-card-screen.tsx'),
);
const CycleExampleScreen = lazyScreen<object>(() => import('../cycles/example-screen.tsx'));

/** The screen for `path` if it is one of these, else null. Keyed by id, so nothing carries over. */
export function betweenUsScreenFor(path: string, hash: string) {
  const us = usRouteOf(path, hash);
  switch (us?.screen) {
    case 'list':
      return <UsScreen />;
    case 'join':
      return <RelationshipJoinScreen token={us.token} />;
    case 'relationship':
      return <RelationshipScreen key={us.relationshipId} relationshipId={us.relationshipId} />;
    case 'cycle':
      return <CycleScreen key={us.relationshipId} relationshipId={us.relationshipId} />;
    case undefined:
      break;
  }
  const learn = learnRouteOf(path);
  switch (learn?.screen) {
    case 'cards':
      return <LearnScreen />;
    case 'example':
      return <CycleExampleScreen />;
    case 'card':
      return <LearnCardScreen key={learn.cardId} cardId={learn.cardId} />;
    case undefined:
      return null;
  }
}
