/**
 * The consultation screens, each loaded only when opened, and the one function the app shell
 * calls to pick among them.
 */
import { lazyScreen } from '../lazy-screen.tsx';
import { consultationRouteOf } from './consultation-paths.ts';

const MyConsultationsScreen = lazyScreen<object>(() => import('./my-consultations-screen.tsx'));
const PractitionersScreen = lazyScreen<object>(() => import('./practitioners-screen.tsx'));
const AvailabilityScreen = lazyScreen<object>(() => import('./availability-screen.tsx'));
const BookScreen = lazyScreen<{ practitionerId: string }>(() => import('./book-screen.tsx'));
const ConsultationScreen = lazyScreen<{ consultationId: string }>(() => import('./consultation-screen.tsx'));
const MoveScreen = lazyScreen<{ consultationId: string }>(() => import('./move-screen.tsx'));

/** The screen for `path` if it is one of these, else null. Keyed by id, so nothing carries over. */
export function consultationScreenFor(path: string) {
  const route = consultationRouteOf(path);
  switch (route?.screen) {
    case undefined:
      return null;
    case 'mine':
      return <MyConsultationsScreen />;
    case 'practitioners':
      return <PractitionersScreen />;
    case 'availability':
      return <AvailabilityScreen />;
    case 'book':
      return <BookScreen key={route.practitionerId} practitionerId={route.practitionerId} />;
    case 'consultation':
      return <ConsultationScreen key={route.consultationId} consultationId={route.consultationId} />;
    case 'move':
      return <MoveScreen key={route.consultationId} consultationId={route.consultationId} />;
  }
}
