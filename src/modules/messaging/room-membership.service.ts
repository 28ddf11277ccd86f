import { Injectable } from '@nestjs/common';
import { ChannelsService } from '../rooms/channels.service.js';
import { privateRoomParticipants } from '../rooms/room-ids.js';
import { RoomsService } from '../rooms/rooms.service.js';
import type { RoomSummary } from '../../shared/chat-events.js';
import { ChatException } from './chat.exception.js';

/**
 * `room:join` and `room:leave` on the socket, with the same rules as the REST API. The rooms
 * module publishes the membership change; the socket side reacts to it on every instance.
 */
@Injectable()
export class RoomMembershipService {
  constructor(
    private readonly rooms: RoomsService,
    private readonly channels: ChannelsService,
  ) {}

  /** Joins a channel, or opens the private room the user is a participant of. */
  async join(userId: number, roomId: string): Promise<RoomSummary> {
    const participants = privateRoomParticipants(roomId);
    if (participants === null) return this.channels.joinChannel(userId, roomId);

    const [first, second] = participants;
    if (first >= second) throw new ChatException('not_found', 'There is no such room');
    if (first !== userId && second !== userId) {
      throw new ChatException('forbidden', 'You are not a member of this room');
    }

    return this.rooms.openPrivateRoom(userId, first === userId ? second : first);
  }

  async leave(userId: number, roomId: string): Promise<void> {
    await this.channels.leaveChannel(userId, roomId);
  }
}
