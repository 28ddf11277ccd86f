import { Injectable, Logger } from '@nestjs/common';
import { privateRoomParticipants } from '../rooms/room-ids.js';
import type { RoomRequest, RoomSummary } from '../../shared/chat-events.js';
import type { BusEvent } from './bus/bus-envelope.js';
import { socketRooms, type ChatServer } from './socket-rooms.js';

/**
 * Turns events into socket emissions. Two paths, so that nothing is fanned out twice:
 * - chat events (`deliverLocally`) reach only this instance's sockets; other instances get them
 *   from the MESSAGES bus and deliver them to theirs;
 * - socket management (joining, leaving, disconnecting, room lists) goes through the Socket.IO
 *   Redis adapter, which reaches every instance by itself.
 */
@Injectable()
export class ChatDelivery {
  private readonly logger = new Logger(ChatDelivery.name);
  private server?: ChatServer;

  attach(server: ChatServer): void {
    this.server = server;
  }

  /** Emits a chat event to the sockets of this instance that may see it. */
  deliverLocally(event: BusEvent, exceptSocketId?: string): void {
    const server = this.server;
    if (server === undefined) return;

    const local = exceptSocketId === undefined ? server.local : server.local.except(exceptSocketId);
    switch (event.type) {
      case 'message':
        local.to(event.data.roomId).emit('message:new', event.data);
        break;
      case 'message.edited':
        local.to(event.data.roomId).emit('message:edited', event.data);
        break;
      case 'message.deleted':
        local.to(event.data.roomId).emit('message:deleted', event.data);
        break;
      case 'typing':
        local
          .to(event.data.roomId)
          .except(socketRooms.user(event.data.userId))
          .emit('typing', event.data);
        break;
      case 'read.state': {
        const { userId, ...state } = event.data;
        local.to(socketRooms.user(userId)).emit('room:read-state', state);
        break;
      }
      case 'user.connected':
        local.emit('user:connected', event.data);
        break;
      case 'user.disconnected':
        local.emit('user:disconnected', event.data);
        break;
      case 'show.room':
        this.joinParticipantsLocally(event.data.id);
        break;
    }
  }

  /** Joins every socket of the user, on every instance, to a room they now belong to. */
  addUserToRoom(userId: number, room: RoomSummary): void {
    const server = this.requireServer();
    server.in(socketRooms.user(userId)).socketsJoin(room.id);
    server.to(socketRooms.user(userId)).emit('room:added', room);
  }

  removeUserFromRoom(userId: number, event: RoomRequest): void {
    const server = this.requireServer();
    server.in(socketRooms.user(userId)).socketsLeave(event.roomId);
    server.to(socketRooms.user(userId)).emit('room:removed', event);
  }

  disconnectUser(userId: number): void {
    this.requireServer().in(socketRooms.user(userId)).disconnectSockets(true);
  }

  disconnectSession(digest: string): void {
    this.requireServer().in(socketRooms.session(digest)).disconnectSockets(true);
  }

  /**
   * A private room announced by another server (one that follows the tutorial, say): the
   * participants' sockets here join it, so its messages reach them.
   */
  private joinParticipantsLocally(roomId: string): void {
    const participants = privateRoomParticipants(roomId);
    if (participants === null) return;

    for (const userId of participants) {
      this.server?.local.in(socketRooms.user(userId)).socketsJoin(roomId);
    }
  }

  private requireServer(): ChatServer {
    if (this.server === undefined) {
      this.logger.warn('A socket operation came before the socket server started');
      throw new Error('The socket server is not running');
    }

    return this.server;
  }
}
