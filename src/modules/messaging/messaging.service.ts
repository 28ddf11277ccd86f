import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type RuntimeConfig } from '../../config/app-config.js';
import { RoomsRepository } from '../rooms/rooms.repository.js';
import {
  MAX_MESSAGE_LENGTH,
  type ChatMessage,
  type MessageDeleted,
  type ReadState,
} from '../../shared/chat-events.js';
import { MessagesBus } from './bus/messages-bus.js';
import { ChatException } from './chat.exception.js';
import type { EditMessageDto, MessageRefDto, SendMessageDto } from './dto/chat-requests.dto.js';
import { MessagesRepository, type ChangeOutcome } from './messages.repository.js';
import { ReadMarkersRepository } from './read-markers.repository.js';
import { SendRateRepository } from './send-rate.repository.js';

/** The window of the per-user send limit (`RuntimeConfig.messageRateLimit` sends per window). */
export const SEND_RATE_WINDOW_MS = 10_000;

/** Who is acting, and from which socket (so that socket gets an ack rather than an echo). */
export interface Actor {
  userId: number;
  socketId?: string;
}

/** Sending, editing, deleting and reading messages: the rules, then persistence, then delivery. */
@Injectable()
export class MessagingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly messages: MessagesRepository,
    private readonly rooms: RoomsRepository,
    private readonly readMarkers: ReadMarkersRepository,
    private readonly sendRate: SendRateRepository,
    private readonly bus: MessagesBus,
  ) {}

  /**
   * Stores and delivers a message. A retry with the same client message id, on any instance,
   * returns the stored original and delivers nothing again.
   */
  async send(actor: Actor, request: SendMessageDto): Promise<ChatMessage> {
    const text = checkedText(request.text);
    await this.requireMember(actor.userId, request.roomId);
    const allowed = await this.sendRate.countSend(
      actor.userId,
      this.config.messageRateLimit,
      SEND_RATE_WINDOW_MS,
    );
    if (!allowed) throw new ChatException('rate_limited', 'Too many messages; wait a moment');

    const { message, created } = await this.messages.appendMessage({
      roomId: request.roomId,
      from: actor.userId,
      text,
      clientMessageId: request.clientMessageId,
    });
    if (!created) return message;

    await this.bus.broadcast({ type: 'message', data: message }, actor.socketId);
    // The sender has read their own message; it was the room's newest a moment ago, so the
    // membership and bounds checks of markRead are already settled.
    if (message.id !== undefined) {
      await this.recordRead(actor.userId, request.roomId, message.id, message.id);
    }

    return message;
  }

  async edit(actor: Actor, request: EditMessageDto): Promise<ChatMessage> {
    const text = checkedText(request.text);
    await this.requireMember(actor.userId, request.roomId);

    const outcome = await this.messages.editMessage(
      request.roomId,
      request.messageId,
      actor.userId,
      text,
    );
    const edited = changedMessage(outcome);
    await this.bus.broadcast({ type: 'message.edited', data: edited }, actor.socketId);

    return edited;
  }

  async delete(actor: Actor, request: MessageRefDto): Promise<MessageDeleted> {
    await this.requireMember(actor.userId, request.roomId);

    const outcome = await this.messages.deleteMessage(
      request.roomId,
      request.messageId,
      actor.userId,
    );
    changedMessage(outcome);
    const deleted = { roomId: request.roomId, id: request.messageId };
    await this.bus.broadcast({ type: 'message.deleted', data: deleted }, actor.socketId);

    return deleted;
  }

  /**
   * Moves the user's read marker forward and tells every tab of that user, on every instance,
   * the new marker and unread count.
   */
  async markRead(userId: number, roomId: string, messageId: number): Promise<ReadState> {
    await this.requireMember(userId, roomId);
    const activity = (await this.messages.findActivity([roomId])).get(roomId);
    const lastMessageId = activity?.lastMessageId ?? 0;
    if (messageId > lastMessageId) {
      throw new ChatException('not_found', `Room ${roomId} has no message ${messageId}`);
    }

    return this.recordRead(userId, roomId, messageId, lastMessageId);
  }

  private async recordRead(
    userId: number,
    roomId: string,
    messageId: number,
    lastMessageId: number,
  ): Promise<ReadState> {
    const lastReadId = await this.readMarkers.markRead(userId, roomId, messageId);
    const state = { roomId, lastReadId, unread: Math.max(0, lastMessageId - lastReadId) };
    await this.bus.broadcast({ type: 'read.state', data: { userId, ...state } });

    return state;
  }

  async requireMember(userId: number, roomId: string): Promise<void> {
    if (!(await this.rooms.isMember(userId, roomId))) {
      throw new ChatException('forbidden', `You are not a member of room ${roomId}`);
    }
  }
}

/** The text as stored: trimmed, never empty, never longer than MAX_MESSAGE_LENGTH characters. */
function checkedText(raw: string): string {
  const text = raw.trim();
  if (text === '') throw new ChatException('invalid_input', 'A message cannot be empty');
  if ([...text].length > MAX_MESSAGE_LENGTH) {
    throw new ChatException(
      'invalid_input',
      `A message can be at most ${MAX_MESSAGE_LENGTH} characters long`,
    );
  }

  return text;
}

function changedMessage(outcome: ChangeOutcome): ChatMessage {
  if (outcome.status === 'not_found') throw new ChatException('not_found', 'No such message');
  if (outcome.status === 'not_author') {
    throw new ChatException('forbidden', 'Only the author can change a message');
  }

  return outcome.message;
}
