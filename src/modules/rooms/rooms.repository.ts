import { Inject, Injectable } from '@nestjs/common';
import type { ChainableCommander, Redis } from 'ioredis';
import { keys } from '../../redis/redis-keys.js';
import { REDIS_CLIENT } from '../../redis/redis.constants.js';

/** All access to room names and memberships: `room:{id}:name`, `user:{id}:rooms`. */
@Injectable()
export class RoomsRepository {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  async findRoomName(roomId: string): Promise<string | null> {
    return this.redis.get(keys.roomName(roomId));
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

  queueRoomName(target: ChainableCommander, roomId: string, name: string): ChainableCommander {
    return target.set(keys.roomName(roomId), name);
  }

  queueAddMember(target: ChainableCommander, userId: number, roomId: string): ChainableCommander {
    return target.sadd(keys.userRooms(userId), roomId);
  }
}
