import { Injectable } from '@nestjs/common';
import { isRoomId } from '../../redis/redis-keys.js';
import { RoomsRepository } from '../rooms/rooms.repository.js';
import type { ResumeResult, ResumeRoomResult } from '../../shared/chat-events.js';
import { ChatException } from './chat.exception.js';
import { MessagesRepository } from './messages.repository.js';

/** Most messages one room may have missed and still be served by `resume`. */
export const RESUME_MAX_MESSAGES = 200;

/** Most rooms one `resume` may ask about. */
export const RESUME_MAX_ROOMS = 500;

/**
 * Catches a reconnecting client up: for each room, every message after the last one it saw, in
 * order, or `reload` when that cannot be served exactly.
 */
@Injectable()
export class ResumeService {
  constructor(
    private readonly messages: MessagesRepository,
    private readonly rooms: RoomsRepository,
  ) {}

  /** Rooms the user does not belong to are left out of the answer. */
  async resume(userId: number, cursors: Record<string, unknown>): Promise<ResumeResult> {
    const entries = Object.entries(cursors);
    if (entries.length > RESUME_MAX_ROOMS) {
      throw new ChatException('invalid_input', `Resume at most ${RESUME_MAX_ROOMS} rooms at once`);
    }
    for (const [roomId, lastId] of entries) {
      if (!isRoomId(roomId) || !Number.isSafeInteger(lastId) || (lastId as number) < 0) {
        throw new ChatException('invalid_input', 'rooms must map room ids to message ids');
      }
    }

    const memberOf = new Set(await this.rooms.listRoomIdsOf(userId));
    const rooms: Record<string, ResumeRoomResult> = {};
    for (const [roomId, lastId] of entries) {
      if (!memberOf.has(roomId)) continue;

      rooms[roomId] = await this.missedIn(roomId, lastId as number);
    }

    return { rooms };
  }

  private async missedIn(roomId: string, lastId: number): Promise<ResumeRoomResult> {
    // A client that saw nothing has no position to continue from; it loads the history.
    if (lastId === 0) return { reload: true };

    const page = await this.messages.findPage(roomId, {
      after: lastId,
      limit: RESUME_MAX_MESSAGES,
    });
    if (page === null || page.hasMore) return { reload: true };

    return { messages: page.messages };
  }
}
