/**
 * The instance's screens, each loaded only when opened: first-run setup (`/setup#<token>`) and
 * the operator's page (`/operator`). The one function the app shell calls to pick between them.
 */
import { OPERATOR_PAGE_PATH, SETUP_PAGE_PATH } from '../../core/protocol/operator-api.ts';
import { lazyScreen } from '../lazy-screen.tsx';

const SetupScreen = lazyScreen<{ token: string }>(() => import('../screens/setup.tsx'));
const OperatorScreen = lazyScreen<object>(() => import('../screens/operator.tsx'));

/** The screen for `path` if it is one of the instance's, else null. */
export function instanceScreenFor(path: string, hash: string) {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
  if (trimmed === SETUP_PAGE_PATH) return <SetupScreen token={hash} />;
  if (trimmed === OPERATOR_PAGE_PATH) return <OperatorScreen />;
  return null;
}
