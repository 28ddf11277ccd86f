import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT } from './redis.constants.js';

/**
 * Redis is this app's database: an eviction policy other than `noeviction` lets Redis delete
 * users, rooms or messages (or, for the volatile-* policies, sessions and deduplication keys)
 * when memory runs out. The app still starts, but says so.
 */
@Injectable()
export class EvictionPolicyCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(EvictionPolicyCheck.name);

  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async onApplicationBootstrap(): Promise<void> {
    const policy = await this.readPolicy();
    if (policy === null || policy === 'noeviction') return;

    this.logger.warn(
      `Redis maxmemory-policy is "${policy}": under memory pressure Redis may delete chat data. ` +
        'Set maxmemory-policy to noeviction.',
    );
  }

  private async readPolicy(): Promise<string | null> {
    try {
      const reply = (await this.redis.config('GET', 'maxmemory-policy')) as string[];

      return reply[1] ?? null;
    } catch (error) {
      // Managed Redis services often disable CONFIG; the policy is then theirs to document.
      this.logger.warn(`Could not read maxmemory-policy: ${(error as Error).message}`);

      return null;
    }
  }
}
