import { Inject, Injectable } from '@nestjs/common';
import type { ChainableCommander, Redis } from 'ioredis';
import { keys } from '../../redis/redis-keys.js';
import { REDIS_CLIENT } from '../../redis/redis.constants.js';
import type { ChatMessage } from '../../shared/chat-message.js';
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

  private parseOwn(member: string): ChatMessage {
    const message = parseStoredMessage(member);
    if (message === null) throw new Error(`The message script returned an unreadable member`);

    return message;
  }
}
