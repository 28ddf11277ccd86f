import { Inject, Injectable } from '@nestjs/common';
import type { ChainableCommander, Redis } from 'ioredis';
import { keys } from '../../redis/redis-keys.js';
import { REDIS_CLIENT } from '../../redis/redis.constants.js';

/** All access to read markers: `room:{id}:read_markers` (user id -> last read message id). */
@Injectable()
export class ReadMarkersRepository {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  /** The last message id the user has read in each room; 0 where the user has read nothing. */
  async findLastRead(userId: number, roomIds: string[]): Promise<Map<string, number>> {
    if (roomIds.length === 0) return new Map();

    const pipeline = this.redis.pipeline();
    for (const roomId of roomIds) pipeline.hget(keys.roomReadMarkers(roomId), String(userId));
    const replies = (await pipeline.exec()) ?? [];

    const lastRead = new Map<string, number>();
    replies.forEach(([error, value], index) => {
      if (error !== null) throw error;
      lastRead.set(roomIds[index], typeof value === 'string' ? Number(value) : 0);
    });

    return lastRead;
  }

  /**
   * Moves the user's marker to `messageId` unless it is already further; concurrent calls from
   * several tabs or instances never move it back. Returns the marker after the call.
   */
  async markRead(userId: number, roomId: string, messageId: number): Promise<number> {
    return this.redis.markRead(keys.roomReadMarkers(roomId), String(userId), String(messageId));
  }

  /** Adds the same forward-only move to a transaction or pipeline. */
  queueMarkRead(
    target: ChainableCommander,
    userId: number,
    roomId: string,
    messageId: number,
  ): ChainableCommander {
    return target.markRead(keys.roomReadMarkers(roomId), String(userId), String(messageId));
  }
}
