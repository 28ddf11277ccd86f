import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { SessionStore } from '../../core/session.store';
import { AuthApi } from './auth-api.service';

/** The session as known, asking the server once per page load. */
async function currentUserKnown(): Promise<boolean> {
  const session = inject(SessionStore);
  const api = inject(AuthApi);
  if (session.user() !== undefined) return session.signedIn();

  try {
    return (await api.restore()) !== null;
  } catch (error: unknown) {
    // The server is unreachable: sign-in is the page that can explain that.
    console.warn('Could not check the session', error);

    return false;
  }
}

export const signedInGuard: CanActivateFn = async () => {
  const router = inject(Router);

  return (await currentUserKnown()) || router.parseUrl('/sign-in');
};

export const signedOutGuard: CanActivateFn = async () => {
  const router = inject(Router);

  return !(await currentUserKnown()) || router.parseUrl('/');
};
