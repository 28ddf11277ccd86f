import {
  ConflictException,
  Inject,
  Injectable,
  Logger,
  UnauthorizedException,
  type OnModuleInit,
} from '@nestjs/common';
import { compare, hash } from 'bcrypt';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type RuntimeConfig } from '../../config/app-config.js';
import { DEMO_USERNAMES } from '../../demo/demo-data.js';
import { DomainEvents } from '../../events/domain-events.js';
import type { AuthUser } from '../../shared/chat-events.js';
import { passwordByteLength, PASSWORD_MAX_BYTES } from './credentials.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { SessionsService, type AuthenticatedSession } from './sessions.service.js';
import { UsersRepository, type StoredUser } from './users.repository.js';

/** One message for an unknown name and a wrong password, so neither reveals which it was. */
export const WRONG_CREDENTIALS = 'Wrong username or password';

export interface SignedIn {
  user: AuthUser;
  token: string;
}

@Injectable()
export class AuthService implements OnModuleInit {
  private readonly logger = new Logger(AuthService.name);
  /** Compared against when the user does not exist, so both cases take as long. */
  private dummyHash = '';

  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottleService,
    private readonly events: DomainEvents,
  ) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hash(randomBytes(16).toString('hex'), this.config.bcryptCost);
  }

  async signUp(username: string, password: string): Promise<SignedIn> {
    const passwordHash = await hash(password, this.config.bcryptCost);

    const id = await this.users.createUser(username, passwordHash);
    if (id === null) throw new ConflictException('That username is taken');

    const token = await this.sessions.startSession(id);
    this.logger.log(`User ${id} signed up`);

    return { user: { id, username }, token };
  }

  async signIn(username: string, password: string, address: string | undefined): Promise<SignedIn> {
    await this.throttle.admit(username, address);

    const id = await this.users.findIdByUsername(username);
    const user = id === null ? null : await this.users.findById(id);

    if (!(await this.passwordMatches(user, password)) || user === null) {
      throw new UnauthorizedException(WRONG_CREDENTIALS);
    }

    await this.throttle.succeeded(username, address);
    const token = await this.sessions.startSession(user.id);

    return { user: { id: user.id, username: user.username }, token };
  }

  async signOut(session: AuthenticatedSession): Promise<void> {
    await this.sessions.endSession(session);

    this.events.publish('session.ended', { userId: session.userId, digest: session.digest });
  }

  async signOutEverywhere(userId: number): Promise<void> {
    const ended = await this.sessions.endAllSessions(userId);
    this.logger.log(`User ${userId} signed out everywhere (${ended} sessions)`);

    this.events.publish('session.all-ended', { userId });
  }

  async findUser(userId: number): Promise<AuthUser> {
    const user = await this.users.findById(userId);
    if (user === null) throw new UnauthorizedException('Sign in to continue');

    return { id: user.id, username: user.username };
  }

  /** The demo users that exist in this database, by their stored names. */
  async findDemoUsernames(): Promise<string[]> {
    const ids = await Promise.all(DEMO_USERNAMES.map((name) => this.users.findIdByUsername(name)));
    const names = await this.users.findUsernames(ids.filter((id) => id !== null));

    return [...names.values()].filter((name) =>
      DEMO_USERNAMES.some((demo) => demo.toLowerCase() === name.toLowerCase()),
    );
  }

  /**
   * Always runs one bcrypt comparison. Hashes that are not bcrypt (missing, say) and passwords
   * bcrypt would cut short are compared against the dummy hash and never match.
   */
  private async passwordMatches(user: StoredUser | null, password: string): Promise<boolean> {
    const usable =
      user !== null &&
      user.passwordHash.startsWith('$2') &&
      passwordByteLength(password) <= PASSWORD_MAX_BYTES;
    const matches = await compare(password, usable ? user.passwordHash : this.dummyHash);

    return usable && matches;
  }
}
