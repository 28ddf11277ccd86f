import { Injectable, computed, signal } from '@angular/core';

export interface SessionUser {
  id: number;
  username: string;
}

/**
 * Who is signed in. `undefined` until the server has been asked, `null` when nobody is. The auth
 * feature fills it; everything else only reads it.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly current = signal<SessionUser | null | undefined>(undefined);

  readonly user = this.current.asReadonly();
  readonly signedIn = computed(() => !!this.current());

  /** The signed-in user; only call where a guard has made sure there is one. */
  requireUser(): SessionUser {
    const user = this.current();
    if (!user) throw new Error('No user is signed in');

    return user;
  }

  start(user: SessionUser): void {
    this.current.set(user);
  }

  end(): void {
    this.current.set(null);
  }
}
