import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { SessionStore, type SessionUser } from '../../core/session.store';

export interface Credentials {
  username: string;
  password: string;
}

interface SignedIn {
  user: SessionUser;
}

/** The account endpoints; every successful call keeps SessionStore in step. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);

  async signIn(credentials: Credentials): Promise<SessionUser> {
    const { user } = await firstValueFrom(
      this.http.post<SignedIn>('/api/auth/sign-in', credentials),
    );
    this.session.start(user);

    return user;
  }

  async signUp(credentials: Credentials): Promise<SessionUser> {
    const { user } = await firstValueFrom(
      this.http.post<SignedIn>('/api/auth/sign-up', credentials),
    );
    this.session.start(user);

    return user;
  }

  async signOut(everywhere = false): Promise<void> {
    const path = everywhere ? '/api/auth/sign-out-everywhere' : '/api/auth/sign-out';
    await firstValueFrom(this.http.post<void>(path, {}));
    this.session.end();
  }

  /**
   * Asks the server who the cookie belongs to; `null` when it belongs to nobody. Throws when the
   * server cannot answer, which says nothing about the session.
   */
  async restore(): Promise<SessionUser | null> {
    try {
      const user = await firstValueFrom(this.http.get<SessionUser>('/api/auth/me'));
      this.session.start(user);

      return user;
    } catch (error: unknown) {
      if (!(error instanceof HttpErrorResponse) || error.status !== 401) throw error;

      this.session.end();

      return null;
    }
  }

  /** Demo accounts offered for one-click sign-in; empty when the server has none. */
  async demoUsernames(): Promise<string[]> {
    try {
      const { usernames } = await firstValueFrom(
        this.http.get<{ usernames: string[] }>('/api/auth/demo-users'),
      );

      return usernames;
    } catch (error: unknown) {
      console.debug('No demo users offered', error);

      return [];
    }
  }
}
