/**
 * The account screens, each loaded only when opened (passkey code included), and the one function
 * the app shell calls to pick among them.
 */
import { lazyScreen } from '../lazy-screen.tsx';
import { accountRouteOf } from './account-routes.ts';

const AccountSettingsScreen = lazyScreen<object>(() => import('../screens/account-settings.tsx'));
const AccountSignInScreen = lazyScreen<object>(() => import('../screens/account-sign-in.tsx'));
const AccountCreateScreen = lazyScreen<object>(() => import('../screens/account-create.tsx'));

/** The screen for `path` if it is an account screen, else null. */
export function accountScreenFor(path: string) {
  switch (accountRouteOf(path)?.screen) {
    case 'settings':
      return <AccountSettingsScreen />;
    case 'sign-in':
      return <AccountSignInScreen />;
    case 'create':
      return <AccountCreateScreen />;
    case undefined:
      return null;
  }
}
