import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { keys } from '../../redis/redis-keys.js';
import { REDIS_CLIENT } from '../../redis/redis.constants.js';

/**
 * All access to session keys: `session:{digest}` (a hash with the user id, expiring) and
 * `user:{id}:sessions` (the digests of that user's sessions, for signing out everywhere).
 * Only digests of tokens are stored, so a copy of the database holds no usable token.
 */
@Injectable()
export class SessionsRepository {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async createSession(digest: string, userId: number, ttlSeconds: number): Promise<void> {
    await this.redis
      .multi()
      .hset(keys.session(digest), 'userId', userId, 'createdAt', Date.now())
      .expire(keys.session(digest), ttlSeconds)
      .sadd(keys.userSessions(userId), digest)
      .expire(keys.userSessions(userId), ttlSeconds, 'GT')
      .exec();
  }

  async findUserId(digest: string): Promise<number | null> {
    const userId = await this.redis.hget(keys.session(digest), 'userId');

    return userId === null ? null : Number(userId);
  }

  async deleteSession(digest: string, userId: number): Promise<void> {
    await this.redis
      .multi()
      .del(keys.session(digest))
      .srem(keys.userSessions(userId), digest)
      .exec();
  }

  /** Deletes every session of the user; returns how many were live. */
  async deleteAllSessions(userId: number): Promise<number> {
    const digests = await this.redis.smembers(keys.userSessions(userId));
    const transaction = this.redis.multi();
    for (const digest of digests) transaction.del(keys.session(digest));
    transaction.del(keys.userSessions(userId));
    const replies = (await transaction.exec()) ?? [];

    return replies.slice(0, digests.length).filter(([, deleted]) => deleted === 1).length;
  }
}
