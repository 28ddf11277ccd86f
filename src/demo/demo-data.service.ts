import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { hash } from 'bcrypt';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config.js';
import { duplicateRedis } from '../redis/redis-connection.js';
import { keys } from '../redis/redis-keys.js';
import { REDIS_CLIENT } from '../redis/redis.constants.js';
import { UsersRepository } from '../modules/auth/users.repository.js';
import { MessagesRepository } from '../modules/messaging/messages.repository.js';
import { ReadMarkersRepository } from '../modules/messaging/read-markers.repository.js';
import { GENERAL_ROOM_ID, privateRoomId } from '../modules/rooms/room-ids.js';
import { RoomsRepository } from '../modules/rooms/rooms.repository.js';
import {
  DEMO_GENERAL_MESSAGES,
  DEMO_GENERAL_SPACING_MINUTES,
  DEMO_PASSWORD,
  DEMO_USERNAMES,
  privateGreeting,
  privateReply,
} from './demo-data.js';

/**
 * Fills an empty Redis with the demo users, rooms and messages. As in the tutorial, a missing
 * `total_users` means "empty". The whole seed is one MULTI guarded by WATCH on that key, so when
 * several instances start together exactly one transaction commits and the rest back off.
 */
@Injectable()
export class DemoDataService implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    private readonly users: UsersRepository,
    private readonly rooms: RoomsRepository,
    private readonly messages: MessagesRepository,
    private readonly readMarkers: ReadMarkersRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemoData) return;

    await this.seedIfEmpty();
  }

  /** Returns whether this call created the demo data. */
  async seedIfEmpty(): Promise<boolean> {
    if ((await this.redis.exists(keys.totalUsers())) === 1) return false;

    const passwordHashes = await Promise.all(
      DEMO_USERNAMES.map(() => hash(DEMO_PASSWORD, this.config.bcryptCost)),
    );

    // WATCH needs a connection of its own: other commands on a shared one would interleave.
    const connection = duplicateRedis(this.redis);
    try {
      await connection.watch(keys.totalUsers());
      if ((await connection.exists(keys.totalUsers())) === 1) {
        await connection.unwatch();

        return false;
      }

      const transaction = connection.multi();
      this.queueSeed(transaction, passwordHashes);
      const committed = (await transaction.exec()) !== null;
      if (committed) this.logger.log(`Created demo data: ${DEMO_USERNAMES.join(', ')}`);

      return committed;
    } finally {
      await connection.quit();
    }
  }

  private queueSeed(transaction: ReturnType<Redis['multi']>, passwordHashes: string[]): void {
    const userIds = DEMO_USERNAMES.map((_, index) => index + 1);
    const now = Date.now();

    DEMO_USERNAMES.forEach((name, index) => {
      this.users.queueCreateUser(transaction, name, passwordHashes[index]);
    });
    this.rooms.queueRoomName(transaction, GENERAL_ROOM_ID, 'General');

    const generalCount = DEMO_GENERAL_MESSAGES.length;
    DEMO_GENERAL_MESSAGES.forEach(([sender, text], index) => {
      const minutesBefore = (generalCount - index - 1) * DEMO_GENERAL_SPACING_MINUTES + 1;
      this.messages.queueAppendMessage(transaction, {
        roomId: GENERAL_ROOM_ID,
        from: userIds[sender],
        text,
        dateMs: now - minutesBefore * 60_000,
      });
      // A sender has read their own message; ids in an empty room start at 1.
      this.readMarkers.queueMarkRead(transaction, userIds[sender], GENERAL_ROOM_ID, index + 1);
    });

    let pairIndex = 0;
    for (let a = 0; a < userIds.length; a++) {
      for (let b = a + 1; b < userIds.length; b++) {
        const roomId = privateRoomId(userIds[a], userIds[b]);
        const greetingAt = now - 60 * 60_000 + pairIndex * 60_000;
        pairIndex += 1;

        this.rooms.queueAddMember(transaction, userIds[a], roomId);
        this.rooms.queueAddMember(transaction, userIds[b], roomId);
        this.messages.queueAppendMessage(transaction, {
          roomId,
          from: userIds[a],
          text: privateGreeting(DEMO_USERNAMES[a], DEMO_USERNAMES[b]),
          dateMs: greetingAt,
        });
        this.messages.queueAppendMessage(transaction, {
          roomId,
          from: userIds[b],
          text: privateReply(DEMO_USERNAMES[b], DEMO_USERNAMES[a]),
          dateMs: greetingAt + 30_000,
        });
        this.readMarkers.queueMarkRead(transaction, userIds[a], roomId, 1);
        this.readMarkers.queueMarkRead(transaction, userIds[b], roomId, 2);
      }
    }
  }
}
