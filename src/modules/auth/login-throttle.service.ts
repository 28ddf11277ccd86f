import { Injectable, Logger } from '@nestjs/common';
import { isIP } from 'node:net';
import { RetryLaterException } from '../../common/retry-later.exception.js';
import { LoginThrottleRepository, type AttemptCount } from './login-throttle.repository.js';

/** Failed sign-ins allowed per account (any letter case of the name) in one window. */
export const MAX_FAILED_SIGN_INS_PER_ACCOUNT = 5;
export const ACCOUNT_WINDOW_SECONDS = 15 * 60;

/** Failed sign-ins allowed per client address, across all names, in one window. */
export const MAX_FAILED_SIGN_INS_PER_ADDRESS = 20;
export const ADDRESS_WINDOW_SECONDS = 15 * 60;

/** Stands in for a client address Node could not tell, so such clients share one allowance. */
const UNKNOWN_ADDRESS = '0.0.0.0';

/**
 * Limits failed sign-ins per account and per client address. Every attempt is counted in Redis
 * before the password is checked and handed back when it succeeds, so parallel guesses on several
 * instances cannot slip past the limit while bcrypt is busy.
 */
@Injectable()
export class LoginThrottleService {
  private readonly logger = new Logger(LoginThrottleService.name);

  constructor(private readonly attempts: LoginThrottleRepository) {}

  /** Counts the attempt; throws a 429 with `Retry-After` when the account or address is over. */
  async admit(username: string, address: string | undefined): Promise<void> {
    const counted = await this.attempts.countAttempt(username, clientAddress(address), {
      account: ACCOUNT_WINDOW_SECONDS,
      address: ADDRESS_WINDOW_SECONDS,
    });

    const over = [
      overLimit(counted.account, MAX_FAILED_SIGN_INS_PER_ACCOUNT),
      overLimit(counted.address, MAX_FAILED_SIGN_INS_PER_ADDRESS),
    ].filter((seconds) => seconds !== null);
    if (over.length === 0) return;

    this.logger.warn(`Throttled a sign-in attempt for account "${username}"`);
    throw new RetryLaterException(
      'Too many failed sign-in attempts; try again later',
      Math.max(...over),
    );
  }

  async succeeded(username: string, address: string | undefined): Promise<void> {
    await this.attempts.releaseAttempt(username, clientAddress(address));
  }
}

/** Seconds to wait when the count is over the limit, otherwise `null`. */
function overLimit(attempt: AttemptCount, limit: number): number | null {
  if (attempt.count <= limit) return null;

  return Math.max(1, Math.ceil(attempt.remainingMs / 1000));
}

function clientAddress(address: string | undefined): string {
  return address !== undefined && isIP(address) !== 0 ? address : UNKNOWN_ADDRESS;
}
