import { Inject, Injectable } from '@nestjs/common';
import type { ChainableCommander, Redis } from 'ioredis';
import { keys } from '../../redis/redis-keys.js';
import { REDIS_CLIENT } from '../../redis/redis.constants.js';

export interface StoredUser {
  id: number;
  username: string;
  passwordHash: string;
}

/** All access to the user keys: `total_users`, `username:*`, `username_folded:*`, `user:{id}`. */
@Injectable()
export class UsersRepository {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  /**
   * Creates the user and puts them in General in one atomic step. Returns the new id, or `null`
   * when the name is taken in any letter case.
   */
  async createUser(username: string, passwordHash: string): Promise<number | null> {
    const id = await this.queueCreateUser(this.redis, username, passwordHash);

    return id === 0 ? null : id;
  }

  /** Adds the same atomic creation to a transaction or pipeline. */
  queueCreateUser<T extends Redis | ChainableCommander>(
    target: T,
    username: string,
    passwordHash: string,
  ): ReturnType<T['createUser']> {
    return target.createUser(
      keys.totalUsers(),
      keys.username(username),
      keys.usernameFolded(username),
      username,
      passwordHash,
    ) as ReturnType<T['createUser']>;
  }

  /**
   * Finds a user id by name regardless of letter case. Users created by a server that follows the
   * tutorial have only the exact-case `username:{name}` key, so that is the fallback.
   */
  async findIdByUsername(username: string): Promise<number | null> {
    const [folded, exact] = await this.redis.mget(
      keys.usernameFolded(username),
      keys.username(username),
    );
    if (folded !== null) return Number(folded);
    if (exact === null) return null;

    return Number(exact.slice('user:'.length));
  }

  async findById(id: number): Promise<StoredUser | null> {
    const fields = await this.redis.hgetall(keys.user(id));
    if (fields.username === undefined) return null;

    return { id, username: fields.username, passwordHash: fields.password ?? '' };
  }

  /** Names of the given users; ids without a user are left out. */
  async findUsernames(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();

    const pipeline = this.redis.pipeline();
    for (const id of ids) pipeline.hget(keys.user(id), 'username');
    const replies = (await pipeline.exec()) ?? [];

    const names = new Map<number, string>();
    replies.forEach(([error, name], index) => {
      if (error === null && typeof name === 'string') names.set(ids[index], name);
    });

    return names;
  }

  async countUsers(): Promise<number> {
    return Number((await this.redis.get(keys.totalUsers())) ?? 0);
  }
}
