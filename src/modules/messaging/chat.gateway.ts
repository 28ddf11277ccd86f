import { Logger, UseFilters, UsePipes, ValidationPipe } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
} from '@nestjs/websockets';
import type { ValidationError } from 'class-validator';
import type {
  Ack,
  ChatMessage,
  MessageDeleted,
  ReadState,
  ResumeResult,
  RoomRequest,
  RoomSummary,
} from '../../shared/chat-events.js';
import { AckExceptionFilter } from './ack-exception.filter.js';
import { ChatException } from './chat.exception.js';
import { ChatConnections } from './chat-connections.service.js';
import {
  EditMessageDto,
  MarkReadDto,
  MessageRefDto,
  ResumeDto,
  RoomDto,
  SendMessageDto,
} from './dto/chat-requests.dto.js';
import { MessagingService } from './messaging.service.js';
import { ResumeService } from './resume.service.js';
import { RoomMembershipService } from './room-membership.service.js';
import type { ChatServer, ChatSocket } from './socket-rooms.js';
import { TypingService } from './typing.service.js';

const validation = new ValidationPipe({
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  exceptionFactory: (errors: ValidationError[]) =>
    new ChatException('invalid_input', describeValidation(errors)),
});

/**
 * The Socket.IO transport: every client event is validated, handed to a service, and answered
 * on its acknowledgement with `{ok: true, data}` or `{ok: false, error}`.
 */
@WebSocketGateway({ serveClient: false })
@UsePipes(validation)
@UseFilters(new AckExceptionFilter())
export class ChatGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger(ChatGateway.name);

  constructor(
    private readonly connections: ChatConnections,
    private readonly messaging: MessagingService,
    private readonly resumption: ResumeService,
    private readonly membership: RoomMembershipService,
    private readonly typing: TypingService,
  ) {}

  afterInit(server: ChatServer): void {
    this.connections.attach(server);
  }

  async handleConnection(socket: ChatSocket): Promise<void> {
    await this.connections.connected(socket);
  }

  async handleDisconnect(socket: ChatSocket): Promise<void> {
    await this.connections.disconnected(socket);
  }

  @SubscribeMessage('message:send')
  async send(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() request: SendMessageDto,
  ): Promise<Ack<ChatMessage>> {
    const message = await this.messaging.send(actorOf(socket), request);

    return { ok: true, data: message };
  }

  @SubscribeMessage('message:edit')
  async edit(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() request: EditMessageDto,
  ): Promise<Ack<ChatMessage>> {
    return { ok: true, data: await this.messaging.edit(actorOf(socket), request) };
  }

  @SubscribeMessage('message:delete')
  async delete(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() request: MessageRefDto,
  ): Promise<Ack<MessageDeleted>> {
    return { ok: true, data: await this.messaging.delete(actorOf(socket), request) };
  }

  @SubscribeMessage('room:read')
  async markRead(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() request: MarkReadDto,
  ): Promise<Ack<ReadState>> {
    const state = await this.messaging.markRead(
      socket.data.userId,
      request.roomId,
      request.messageId,
    );

    return { ok: true, data: state };
  }

  @SubscribeMessage('room:join')
  async join(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() request: RoomDto,
  ): Promise<Ack<RoomSummary>> {
    return { ok: true, data: await this.membership.join(socket.data.userId, request.roomId) };
  }

  @SubscribeMessage('room:leave')
  async leave(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() request: RoomDto,
  ): Promise<Ack<RoomRequest>> {
    await this.membership.leave(socket.data.userId, request.roomId);

    return { ok: true, data: { roomId: request.roomId } };
  }

  @SubscribeMessage('typing:start')
  async startTyping(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() request: RoomDto,
  ): Promise<Ack<null>> {
    await this.messaging.requireMember(socket.data.userId, request.roomId);
    await this.typing.start(socket.data, request.roomId);

    return { ok: true, data: null };
  }

  @SubscribeMessage('typing:stop')
  async stopTyping(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() request: RoomDto,
  ): Promise<Ack<null>> {
    await this.typing.stop(socket.data, request.roomId);

    return { ok: true, data: null };
  }

  @SubscribeMessage('resume')
  async resume(
    @ConnectedSocket() socket: ChatSocket,
    @MessageBody() request: ResumeDto,
  ): Promise<Ack<ResumeResult>> {
    const result = await this.resumption.resume(socket.data.userId, request.rooms);
    this.logger.debug(
      `User ${socket.data.userId} resumed ${Object.keys(result.rooms).length} rooms`,
    );

    return { ok: true, data: result };
  }
}

function actorOf(socket: ChatSocket): { userId: number; socketId: string } {
  return { userId: socket.data.userId, socketId: socket.id };
}

function describeValidation(errors: ValidationError[]): string {
  const first = errors[0];
  const constraint = first?.constraints ? Object.values(first.constraints)[0] : undefined;

  return constraint ?? (first ? `${first.property} is invalid` : 'The request is invalid');
}
