/**
 * The practitioner screens, each loaded only when opened, and the one function the app shell
 * calls to pick among them.
 */
import { lazyScreen } from '../lazy-screen.tsx';
import { practitionerRouteOf } from './practitioner-paths.ts';

const ClientsScreen = lazyScreen<object>(() => import('./clients-screen.tsx'));
const ClientScreen = lazyScreen<{ clientId: string }>(() => import('./client-screen.tsx'));

/** The screen for `path` if it is one of these, else null. Keyed by id, so nothing carries over. */
export function practitionerScreenFor(path: string) {
  const route = practitionerRouteOf(path);
  switch (route?.screen) {
    case undefined:
      return null;
    case 'clients':
      return <ClientsScreen />;
    case 'client':
      return <ClientScreen key={route.clientId} clientId={route.clientId} />;
  }
}
