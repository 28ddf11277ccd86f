import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { keys } from '../../redis/redis-keys.js';
import { REDIS_CLIENT } from '../../redis/redis.constants.js';

/** All access to presence keys: `online_users`. */
@Injectable()
export class PresenceRepository {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async listOnlineUserIds(): Promise<number[]> {
    const ids = await this.redis.smembers(keys.onlineUsers());

    return ids.map(Number).filter(Number.isInteger);
  }
}
