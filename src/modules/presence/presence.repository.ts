import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { keys } from '../../redis/redis-keys.js';
import { REDIS_CLIENT } from '../../redis/redis.constants.js';

/**
 * All access to presence keys: `online_users`, `last_seen`, `user:{id}:connections`,
 * `presence:servers`, `presence:server:{id}:alive`, `presence:server:{id}:connections`.
 */
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

  /**
   * Records a live connection of this instance; returns whether it is the user's first one
   * anywhere (the user just came online).
   */
  async addConnection(
    serverId: string,
    userId: number,
    connectionId: string,
    ttlMs: number,
  ): Promise<boolean> {
    const first = await this.redis.connectPresence(
      keys.userConnections(userId),
      keys.presenceServerConnections(serverId),
      keys.presenceServers(),
      keys.presenceServerAlive(serverId),
      keys.onlineUsers(),
      String(userId),
      connectionId,
      serverId,
      String(ttlMs),
    );

    return first === 1;
  }

  /** Forgets a connection; returns whether it was the user's last one (the user went offline). */
  async removeConnection(serverId: string, userId: number, connectionId: string): Promise<boolean> {
    const last = await this.redis.disconnectPresence(
      keys.userConnections(userId),
      keys.presenceServerConnections(serverId),
      keys.onlineUsers(),
      keys.lastSeen(),
      String(userId),
      connectionId,
      String(nowSeconds()),
    );

    return last === 1;
  }

  /**
   * Renews this instance's liveness. Returns `false` when the liveness key had lapsed, in which
   * case another instance may have swept this one's connections.
   */
  async renewServer(serverId: string, ttlMs: number): Promise<boolean> {
    const replies = await this.redis
      .multi()
      .set(keys.presenceServerAlive(serverId), '1', 'PX', ttlMs, 'GET')
      .sadd(keys.presenceServers(), serverId)
      .exec();
    const [error, previous] = replies?.[0] ?? [null, null];
    if (error) throw error;

    return previous !== null;
  }

  async listServers(): Promise<string[]> {
    return this.redis.smembers(keys.presenceServers());
  }

  /**
   * Forgets every connection of an instance whose liveness lapsed; does nothing to a live one.
   * Returns the users left with no connection anywhere.
   */
  async sweepServer(serverId: string): Promise<number[]> {
    const offline = await this.redis.sweepPresenceServer(
      keys.presenceServers(),
      keys.presenceServerAlive(serverId),
      keys.presenceServerConnections(serverId),
      keys.onlineUsers(),
      keys.lastSeen(),
      serverId,
      String(nowSeconds()),
    );

    return offline.map(Number);
  }

  /** Forgets every connection of this instance at once, on shutdown. */
  async removeServer(serverId: string): Promise<number[]> {
    await this.redis.del(keys.presenceServerAlive(serverId));

    return this.sweepServer(serverId);
  }

  async recordLastSeen(userId: number, unixSeconds: number): Promise<void> {
    await this.redis.hset(keys.lastSeen(), String(userId), String(unixSeconds));
  }
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
