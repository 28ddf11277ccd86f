import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { APP_CONFIG, type RuntimeConfig } from '../../config/app-config.js';
import { SessionsRepository } from './sessions.repository.js';

/** How long a session lives after sign-in. */
export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;

/** Name of the HttpOnly cookie that carries the session token in browsers. */
export const SESSION_COOKIE = 'chat_session';

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

export interface AuthenticatedSession {
  userId: number;
  /** Identifies the session without revealing the token. */
  digest: string;
}

/**
 * Opaque random session tokens. The client holds the token; Redis holds an HMAC of it keyed by
 * the session secret, with the user id and an expiry.
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly sessions: SessionsRepository,
  ) {}

  /** Starts a new session and returns its token, to be sent to the client once. */
  async startSession(userId: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.sessions.createSession(this.digest(token), userId, SESSION_TTL_SECONDS);

    return token;
  }

  /** Resolves a token from a cookie, a bearer header or a socket handshake. */
  async authenticate(token: string | undefined): Promise<AuthenticatedSession | null> {
    if (token === undefined || !TOKEN_FORMAT.test(token)) return null;

    const digest = this.digest(token);
    const userId = await this.sessions.findUserId(digest);

    return userId === null ? null : { userId, digest };
  }

  async endSession(session: AuthenticatedSession): Promise<void> {
    await this.sessions.deleteSession(session.digest, session.userId);
  }

  async endAllSessions(userId: number): Promise<number> {
    return this.sessions.deleteAllSessions(userId);
  }

  private digest(token: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(token).digest('base64url');
  }
}
