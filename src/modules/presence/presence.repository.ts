import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { keys } from '../../redis/redis-keys.js';
import { REDIS_CLIENT } from '../../redis/redis.constants.js';

/** All access to presence keys: `online_users`, `last_seen`. */
@Injectable()
export class PresenceRepository {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async listOnlineUserIds(): Promise<number[]> {
    const ids = await this.redis.smembers(keys.onlineUsers());

    return ids.map(Number).filter(Number.isInteger);
  }

  /** Unix seconds of each user's last disconnect; users never seen are left out. */
  async findLastSeen(ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();

    const values = await this.redis.hmget(keys.lastSeen(), ...ids.map(String));
    const lastSeen = new Map<number, number>();
    values.forEach((value, index) => {
      if (value !== null) lastSeen.set(ids[index], Number(value));
    });

    return lastSeen;
  }

  async recordLastSeen(userId: number, unixSeconds: number): Promise<void> {
    await this.redis.hset(keys.lastSeen(), String(userId), String(unixSeconds));
  }
}
