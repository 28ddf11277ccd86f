import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { SessionStore } from '../../core/session.store';

/** Account calls answer 401 for wrong credentials; only other 401s mean the session ended. */
const ACCOUNT_CALLS = /^\/api\/auth\//;

/** Sends the user to sign-in when the server no longer accepts the session. */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionStore);
  const router = inject(Router);

  return next(request).pipe(
    catchError((error: unknown) => {
      const expired =
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !ACCOUNT_CALLS.test(request.url) &&
        session.signedIn();
      if (expired) {
        session.end();
        void router.navigateByUrl('/sign-in');
      }

      return throwError(() => error);
    }),
  );
};
