import {
  BadRequestException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { DomainEvents } from '../../events/domain-events.js';
import type { RoomSummary } from '../../shared/chat-events.js';
import { UsersRepository } from '../auth/users.repository.js';
import { MessagesRepository } from '../messaging/messages.repository.js';
import { ReadMarkersRepository } from '../messaging/read-markers.repository.js';
import {
  GENERAL_ROOM_ID,
  isCanonicalPrivateRoomId,
  privateRoomId,
  privateRoomParticipants,
  roomKindOf,
} from './room-ids.js';
import { RoomsRepository } from './rooms.repository.js';

/** Room lists, private rooms and the membership rule every read and join goes through. */
@Injectable()
export class RoomsService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly users: UsersRepository,
    private readonly messages: MessagesRepository,
    private readonly readMarkers: ReadMarkersRepository,
    private readonly events: DomainEvents,
  ) {}

  /** The user's rooms: General first, then the most recently active. */
  async listRooms(userId: number): Promise<RoomSummary[]> {
    const roomIds = new Set(await this.rooms.listRoomIdsOf(userId));
    roomIds.add(GENERAL_ROOM_ID);

    const summaries = await this.summarize(userId, [...roomIds]);

    return summaries.sort(byGeneralThenActivity);
  }

  async summaryOf(userId: number, roomId: string): Promise<RoomSummary> {
    const [summary] = await this.summarize(userId, [roomId]);

    return summary;
  }

  /** Opens (or reopens) the private room with another user, listing it for both. */
  async openPrivateRoom(userId: number, peerId: number): Promise<RoomSummary> {
    if (peerId === userId) throw new BadRequestException('A private room needs another user');
    if ((await this.users.findById(peerId)) === null) {
      throw new NotFoundException(`There is no user ${peerId}`);
    }

    const roomId = privateRoomId(userId, peerId);
    const added = await this.rooms.addPrivateRoom(roomId, [userId, peerId]);

    for (const member of added) {
      if (member.added) this.events.publish('room.member-added', { roomId, userId: member.userId });
    }

    return this.summaryOf(userId, roomId);
  }

  /**
   * Throws unless the user may read and post in the room: everyone in General, the two
   * participants in a private room, members in a channel.
   */
  async assertMember(userId: number, roomId: string): Promise<void> {
    const kind = roomKindOf(roomId);
    if (kind === 'general') return;

    if (kind === 'private') {
      if (!isCanonicalPrivateRoomId(roomId)) throw new NotFoundException('There is no such room');
      if (!(privateRoomParticipants(roomId) as number[]).includes(userId)) {
        throw new ForbiddenException('You are not a member of this room');
      }

      return;
    }

    if (await this.rooms.isMember(userId, roomId)) return;
    if (!(await this.rooms.isChannel(roomId))) throw new NotFoundException('There is no such room');
    throw new ForbiddenException('You are not a member of this room');
  }

  /** Builds the summaries as the given user sees them, in a few round trips. */
  async summarize(userId: number, roomIds: string[]): Promise<RoomSummary[]> {
    const peers = roomIds.map((roomId) => peerOf(userId, roomId));
    const channelIds = roomIds.filter((roomId) => roomKindOf(roomId) === 'channel');

    const [peerNames, roomNames, channelCounts, userCount, activity, lastRead] = await Promise.all([
      this.users.findUsernames(peers.filter((peer) => peer !== undefined)),
      this.rooms.findRoomNames(channelIds),
      this.rooms.countChannelMembers(channelIds),
      this.users.countUsers(),
      this.messages.findActivity(roomIds),
      this.readMarkers.findLastRead(userId, roomIds),
    ]);

    return roomIds.map((roomId, index): RoomSummary => {
      const kind = roomKindOf(roomId);
      const peerId = peers[index];
      const { lastMessage, lastMessageId } = activity.get(roomId) ?? {
        lastMessage: null,
        lastMessageId: 0,
      };
      const common = {
        id: roomId,
        kind,
        lastMessage,
        unread: Math.max(0, lastMessageId - (lastRead.get(roomId) ?? 0)),
      };

      if (kind === 'general') return { ...common, name: 'General', memberCount: userCount };
      if (peerId !== undefined) {
        const name = peerNames.get(peerId) ?? `User ${peerId}`;

        return { ...common, name, peerId, memberCount: 2 };
      }

      return {
        ...common,
        name: roomNames.get(roomId) ?? `Channel ${roomId}`,
        memberCount: channelCounts.get(roomId) ?? 0,
      };
    });
  }
}

/** The other participant of a private room the user belongs to. */
function peerOf(userId: number, roomId: string): number | undefined {
  const participants = privateRoomParticipants(roomId);
  if (participants === null) return undefined;

  return participants[0] === userId ? participants[1] : participants[0];
}

function byGeneralThenActivity(a: RoomSummary, b: RoomSummary): number {
  if (a.id === GENERAL_ROOM_ID) return -1;
  if (b.id === GENERAL_ROOM_ID) return 1;

  return (b.lastMessage?.date ?? 0) - (a.lastMessage?.date ?? 0) || a.id.localeCompare(b.id);
}
