import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { keys } from '../../redis/redis-keys.js';
import { REDIS_CLIENT } from '../../redis/redis.constants.js';

export interface AttemptCount {
  /** Attempts counted in the current window, this one included. */
  count: number;
  /** Milliseconds until the window closes. */
  remainingMs: number;
}

/**
 * All access to sign-in attempt counters: `login_failures:account:{name}` and
 * `login_failures:address:{ip}`. Each is a fixed window: the first attempt starts the expiry.
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  /** Counts one attempt against the account and the address in one transaction. */
  async countAttempt(
    username: string,
    address: string,
    windowSeconds: { account: number; address: number },
  ): Promise<{ account: AttemptCount; address: AttemptCount }> {
    const accountKey = keys.loginFailuresOfAccount(username);
    const addressKey = keys.loginFailuresOfAddress(address);
    const replies = await this.redis
      .multi()
      .incr(accountKey)
      .expire(accountKey, windowSeconds.account, 'NX')
      .pttl(accountKey)
      .incr(addressKey)
      .expire(addressKey, windowSeconds.address, 'NX')
      .pttl(addressKey)
      .exec();
    if (replies === null) throw new Error('The sign-in attempt transaction was discarded');

    const values = replies.map(([error, value]) => {
      if (error !== null) throw error;

      return Number(value);
    });

    return {
      account: { count: values[0], remainingMs: values[2] },
      address: { count: values[3], remainingMs: values[5] },
    };
  }

  /** Takes back an attempt that succeeded, so only failures use up the allowance. */
  async releaseAttempt(username: string, address: string): Promise<void> {
    await this.redis.releaseLoginAttempt(
      2,
      keys.loginFailuresOfAccount(username),
      keys.loginFailuresOfAddress(address),
    );
  }
}
