import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { keys } from '../../redis/redis-keys.js';
import { REDIS_CLIENT } from '../../redis/redis.constants.js';

/** All access to `user:{id}:send_rate`, the per-user send counter shared by every instance. */
@Injectable()
export class SendRateRepository {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  /** Counts one send in the current window; returns whether it is within the limit. */
  async countSend(userId: number, limit: number, windowMs: number): Promise<boolean> {
    const allowed = await this.redis.countSend(
      keys.userSendRate(userId),
      String(limit),
      String(windowMs),
    );

    return allowed === 1;
  }
}
