/**
 * The header's way to the account: "Sign in" for a guest or someone new, the account's name
 * (leading to its settings) once signed in. Says nothing until it knows, so it never flickers
 * from one to the other.
 */
import { AppLink } from '../components/app-link.tsx';
import { ACCOUNT_PATH, SIGN_IN_PATH } from './account-routes.ts';
import { signedInAccount, useIdentity } from './identity-store.ts';
import './account-header.css';

function PersonPicture() {
  return (
    <svg class="account-header-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <circle cx="12" cy="8" r="4" fill="none" stroke="currentColor" stroke-width="2" />
      <path d="M4 21c1-4.5 4.5-7 8-7s7 2.5 8 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
    </svg>
  );
}

/** The link. */
export function AccountHeaderLink() {
  const state = useIdentity();
  if (state.status === 'loading') return null;
  const account = signedInAccount(state);
  if (account === null) {
    return (
      <AppLink class="account-header-link account-header-link--signed-out" href={SIGN_IN_PATH}>
        <PersonPicture />
        <span class="account-header-words">Sign in</span>
      </AppLink>
    );
  }
  return (
    <AppLink class="account-header-link account-header-link--signed-in" href={ACCOUNT_PATH}>
      <PersonPicture />
      <span class="visually-hidden">Your account: </span>
      <span class="account-header-name">{account.displayName}</span>
    </AppLink>
  );
}
