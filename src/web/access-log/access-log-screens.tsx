/**
 * "Who has looked at what I share", loaded only when opened.
 */
import { lazyScreen } from '../lazy-screen.tsx';
import { ACCESS_LOG_PATH } from './access-log-paths.ts';

const AccessLogScreen = lazyScreen<object>(() => import('./access-log-screen.tsx'));

/** The access-log screen for its path, else null. */
export function accessLogScreenFor(path: string) {
  return path === ACCESS_LOG_PATH || path === `${ACCESS_LOG_PATH}/` ? <AccessLogScreen /> : null;
}
