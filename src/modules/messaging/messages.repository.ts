import { Inject, Injectable } from '@nestjs/common';
import type { ChainableCommander, Redis } from 'ioredis';
import { keys } from '../../redis/redis-keys.js';
import { REDIS_CLIENT } from '../../redis/redis.constants.js';
import type { ChatMessage } from '../../shared/chat-message.js';
import type { MessagePage } from '../../shared/chat-events.js';
import { parseStoredMessage } from './stored-message.js';

/** How long a client message id is remembered for deduplicating retried sends. */
export const CLIENT_MESSAGE_ID_TTL_SECONDS = 24 * 60 * 60;

export interface AppendMessageInput {
  roomId: string;
  from: number;
  text: string;
  /** Makes a retried send idempotent for this sender. */
  clientMessageId?: string;
  /** Fixed time, for demo data; otherwise the Redis server's clock decides. */
  dateMs?: number;
}

export interface AppendResult {
  message: ChatMessage;
  /** `false` when the client message id was seen before and the original is returned. */
  created: boolean;
}

/** What an edit or delete did: the message as it now is (or was, when deleted), or why not. */
export type ChangeOutcome =
  { status: 'done'; message: ChatMessage } | { status: 'not_found' } | { status: 'not_author' };

function refusal(status: -1 | 0): ChangeOutcome {
  return status === 0 ? { status: 'not_found' } : { status: 'not_author' };
}

export interface HistoryPageQuery {
  /** Messages older than this id. */
  before?: number;
  /** Messages newer than this id; wins over `before` when both are given. */
  after?: number;
  limit: number;
}

export interface RoomActivity {
  lastMessage: ChatMessage | null;
  /** The last id assigned in the room, 0 when none; unread counts are measured against it. */
  lastMessageId: number;
}

/** All access to messages: `room:{id}`, `room:{id}:last_message_id`, `room:{id}:message_index`. */
@Injectable()
export class MessagesRepository {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  /** Deduplicates, assigns the next id and stores the message, all in one script run. */
  async appendMessage(input: AppendMessageInput): Promise<AppendResult> {
    const [created, member] = await this.queueAppendMessage(this.redis, input);

    return { message: this.parseOwn(member), created: created === 1 };
  }

  queueAppendMessage<T extends Redis | ChainableCommander>(
    target: T,
    input: AppendMessageInput,
  ): ReturnType<T['appendMessage']> {
    const messageKeys = [
      keys.roomMessages(input.roomId),
      keys.roomLastMessageId(input.roomId),
      keys.roomMessageIndex(input.roomId),
    ];
    if (input.clientMessageId !== undefined) {
      messageKeys.push(keys.sentMessage(input.from, input.clientMessageId));
    }

    return target.appendMessage(
      messageKeys.length,
      ...messageKeys,
      String(input.from),
      input.text,
      input.roomId,
      input.dateMs === undefined ? '' : String(input.dateMs),
      String(CLIENT_MESSAGE_ID_TTL_SECONDS),
    ) as ReturnType<T['appendMessage']>;
  }

  /** The newest `limit` messages of a room, newest first. */
  async findNewest(roomId: string, limit: number): Promise<ChatMessage[]> {
    const members = await this.redis.zrevrange(keys.roomMessages(roomId), 0, limit - 1);

    return members.map(parseStoredMessage).filter((message) => message !== null);
  }

  async countMessages(roomId: string): Promise<number> {
    return this.redis.zcard(keys.roomMessages(roomId));
  }

  /**
   * One page of a room's history, oldest first. A cursor id becomes its exact score through the
   * message index, and exclusive score bounds leave the cursor itself out; reading one item more
   * than asked tells whether the history goes on. Returns `null` for a cursor id never stored.
   */
  async findPage(roomId: string, query: HistoryPageQuery): Promise<MessagePage | null> {
    const key = keys.roomMessages(roomId);
    const cursorId = query.after ?? query.before;
    const cursorScore =
      cursorId === undefined
        ? null
        : await this.redis.hget(keys.roomMessageIndex(roomId), String(cursorId));
    if (cursorId !== undefined && cursorScore === null) return null;

    const members =
      query.after !== undefined
        ? await this.redis.zrangebyscore(
            key,
            `(${cursorScore}`,
            '+inf',
            'LIMIT',
            0,
            query.limit + 1,
          )
        : await this.redis.zrevrangebyscore(
            key,
            cursorScore === null ? '+inf' : `(${cursorScore}`,
            '-inf',
            'LIMIT',
            0,
            query.limit + 1,
          );
    const page = members.slice(0, query.limit);
    if (query.after === undefined) page.reverse();

    return {
      messages: page.map(parseStoredMessage).filter((message) => message !== null),
      hasMore: members.length > query.limit,
    };
  }

  /** The newest message and the last assigned id of each room, for room lists and unread counts. */
  async findActivity(roomIds: string[]): Promise<Map<string, RoomActivity>> {
    if (roomIds.length === 0) return new Map();

    const pipeline = this.redis.pipeline();
    for (const roomId of roomIds) {
      pipeline.zrange(keys.roomMessages(roomId), -1, -1);
      pipeline.get(keys.roomLastMessageId(roomId));
    }
    const replies = (await pipeline.exec()) ?? [];

    const activity = new Map<string, RoomActivity>();
    roomIds.forEach((roomId, index) => {
      const [[newestError, newest], [idError, lastId]] = replies.slice(2 * index, 2 * index + 2);
      if (newestError !== null) throw newestError;
      if (idError !== null) throw idError;

      const member = (newest as string[])[0];
      activity.set(roomId, {
        lastMessage: member === undefined ? null : parseStoredMessage(member),
        lastMessageId: lastId === null ? 0 : Number(lastId),
      });
    });

    return activity;
  }

  /**
   * Replaces the text of the author's own message in place (same score, same id) and stamps
   * `editedAt`, in one script run.
   */
  async editMessage(
    roomId: string,
    messageId: number,
    editorId: number,
    text: string,
  ): Promise<ChangeOutcome> {
    const [status, member] = await this.redis.editMessage(
      keys.roomMessages(roomId),
      keys.roomMessageIndex(roomId),
      String(messageId),
      String(editorId),
      text,
    );

    return status === 1 ? { status: 'done', message: this.parseOwn(member) } : refusal(status);
  }

  /** Removes the author's own message from the room, in one script run. */
  async deleteMessage(roomId: string, messageId: number, userId: number): Promise<ChangeOutcome> {
    const [status, member] = await this.redis.deleteMessage(
      keys.roomMessages(roomId),
      keys.roomMessageIndex(roomId),
      String(messageId),
      String(userId),
    );

    return status === 1 ? { status: 'done', message: this.parseOwn(member) } : refusal(status);
  }

  private parseOwn(member: string): ChatMessage {
    const message = parseStoredMessage(member);
    if (message === null) throw new Error(`The message script returned an unreadable member`);

    return message;
  }
}
