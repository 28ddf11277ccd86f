import {
  BadRequestException,
  ConflictException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { DomainEvents } from '../../events/domain-events.js';
import type { ChannelListing, RoomSummary } from '../../shared/chat-events.js';
import { roomKindOf } from './room-ids.js';
import { RoomsRepository } from './rooms.repository.js';
import { RoomsService } from './rooms.service.js';

/** Public channels: a directory anyone signed in can browse, join and leave. */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly rooms: RoomsRepository,
    private readonly roomsService: RoomsService,
    private readonly events: DomainEvents,
  ) {}

  /** Every channel, by name, with whether the user has joined it. */
  async listChannels(userId: number): Promise<ChannelListing[]> {
    const ids = await this.rooms.listChannelIds();
    const [names, counts, joined] = await Promise.all([
      this.rooms.findRoomNames(ids),
      this.rooms.countChannelMembers(ids),
      this.rooms.listRoomIdsOf(userId),
    ]);
    const joinedIds = new Set(joined);

    return ids
      .map((id) => ({
        id,
        name: names.get(id) ?? `Channel ${id}`,
        memberCount: counts.get(id) ?? 0,
        joined: joinedIds.has(id),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
  }

  async createChannel(userId: number, name: string): Promise<RoomSummary> {
    const roomId = await this.rooms.createChannel(name, userId);
    if (roomId === null) throw new ConflictException('A channel with that name exists');

    this.events.publish('room.member-added', { roomId, userId });

    return this.roomsService.summaryOf(userId, roomId);
  }

  /** Joins a channel; General and the user's own private rooms answer with their summary. */
  async joinChannel(userId: number, roomId: string): Promise<RoomSummary> {
    if (roomKindOf(roomId) !== 'channel') {
      await this.roomsService.assertMember(userId, roomId);

      return this.roomsService.summaryOf(userId, roomId);
    }
    if (!(await this.rooms.isChannel(roomId)))
      throw new NotFoundException('There is no such channel');

    if (await this.rooms.joinChannel(userId, roomId)) {
      this.events.publish('room.member-added', { roomId, userId });
    }

    return this.roomsService.summaryOf(userId, roomId);
  }

  async leaveChannel(userId: number, roomId: string): Promise<void> {
    const kind = roomKindOf(roomId);
    if (kind === 'general') throw new BadRequestException('Everyone stays in General');
    if (kind === 'private') throw new BadRequestException('Private rooms cannot be left');
    if (!(await this.rooms.isChannel(roomId)))
      throw new NotFoundException('There is no such channel');

    if (await this.rooms.leaveChannel(userId, roomId)) {
      this.events.publish('room.member-removed', { roomId, userId });
    }
  }
}
