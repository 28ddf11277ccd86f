import { Inject, Injectable } from '@nestjs/common';
import type { ChainableCommander, Redis } from 'ioredis';
import { keys } from '../../redis/redis-keys.js';
import { REDIS_CLIENT } from '../../redis/redis.constants.js';

/**
 * All access to room names and memberships: `room:{id}:name`, `user:{id}:rooms`, and for public
 * channels `total_channels`, `channels`, `channel_names` and `room:{id}:members`.
 */
@Injectable()
export class RoomsRepository {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async findRoomName(roomId: string): Promise<string | null> {
    return this.redis.get(keys.roomName(roomId));
  }

  /** Names of the given rooms; rooms without a name are left out. */
  async findRoomNames(roomIds: string[]): Promise<Map<string, string>> {
    if (roomIds.length === 0) return new Map();

    const names = await this.redis.mget(roomIds.map((roomId) => keys.roomName(roomId)));
    const found = new Map<string, string>();
    names.forEach((name, index) => {
      if (name !== null) found.set(roomIds[index], name);
    });

    return found;
  }

  async isMember(userId: number, roomId: string): Promise<boolean> {
    return (await this.redis.sismember(keys.userRooms(userId), roomId)) === 1;
  }

  async listRoomIdsOf(userId: number): Promise<string[]> {
    return this.redis.smembers(keys.userRooms(userId));
  }

  async addMember(userId: number, roomId: string): Promise<void> {
    await this.redis.sadd(keys.userRooms(userId), roomId);
  }

  /** Lists a private room for both participants; says for whom it is new. */
  async addPrivateRoom(
    roomId: string,
    [first, second]: [number, number],
  ): Promise<{ userId: number; added: boolean }[]> {
    const replies = await this.redis
      .multi()
      .sadd(keys.userRooms(first), roomId)
      .sadd(keys.userRooms(second), roomId)
      .exec();

    return [first, second].map((userId, index) => ({
      userId,
      added: replies?.[index]?.[1] === 1,
    }));
  }

  /** Creates a public channel with its creator as first member; `null` when the name is taken. */
  async createChannel(name: string, creatorId: number): Promise<string | null> {
    const id = await this.redis.createChannel(
      keys.totalChannels(),
      keys.channelDirectory(),
      keys.channelNames(),
      keys.userRooms(creatorId),
      name,
      name.toLowerCase(),
      String(creatorId),
    );

    return id === 0 ? null : String(id);
  }

  async isChannel(roomId: string): Promise<boolean> {
    return (await this.redis.sismember(keys.channelDirectory(), roomId)) === 1;
  }

  async listChannelIds(): Promise<string[]> {
    return this.redis.smembers(keys.channelDirectory());
  }

  /** Member counts of channels, from `room:{id}:members`. */
  async countChannelMembers(roomIds: string[]): Promise<Map<string, number>> {
    if (roomIds.length === 0) return new Map();

    const pipeline = this.redis.pipeline();
    for (const roomId of roomIds) pipeline.scard(keys.roomMembers(roomId));
    const replies = (await pipeline.exec()) ?? [];

    const counts = new Map<string, number>();
    replies.forEach(([error, count], index) => {
      if (error !== null) throw error;
      counts.set(roomIds[index], Number(count));
    });

    return counts;
  }

  /** Returns whether the user was not a member before. */
  async joinChannel(userId: number, roomId: string): Promise<boolean> {
    const replies = await this.redis
      .multi()
      .sadd(keys.roomMembers(roomId), String(userId))
      .sadd(keys.userRooms(userId), roomId)
      .exec();

    return replies?.[1]?.[1] === 1;
  }

  /** Returns whether the user was a member. */
  async leaveChannel(userId: number, roomId: string): Promise<boolean> {
    const replies = await this.redis
      .multi()
      .srem(keys.roomMembers(roomId), String(userId))
      .srem(keys.userRooms(userId), roomId)
      .exec();

    return replies?.[1]?.[1] === 1;
  }

  queueRoomName(target: ChainableCommander, roomId: string, name: string): ChainableCommander {
    return target.set(keys.roomName(roomId), name);
  }

  queueAddMember(target: ChainableCommander, userId: number, roomId: string): ChainableCommander {
    return target.sadd(keys.userRooms(userId), roomId);
  }
}
