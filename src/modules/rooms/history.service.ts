import { BadRequestException, Injectable } from '@nestjs/common';
import type { MessagePage } from '../../shared/chat-events.js';
import { MessagesRepository } from '../messaging/messages.repository.js';
import { DEFAULT_PAGE_SIZE, type HistoryQueryDto } from './dto/room-requests.dto.js';
import { RoomsService } from './rooms.service.js';

/** A room's history by cursor, for members only. */
@Injectable()
export class HistoryService {
  constructor(
    private readonly rooms: RoomsService,
    private readonly messages: MessagesRepository,
  ) {}

  async findPage(userId: number, roomId: string, query: HistoryQueryDto): Promise<MessagePage> {
    if (query.before !== undefined && query.after !== undefined) {
      throw new BadRequestException('Give either before or after, not both');
    }

    await this.rooms.assertMember(userId, roomId);

    const page = await this.messages.findPage(roomId, {
      before: query.before,
      after: query.after,
      limit: query.limit ?? DEFAULT_PAGE_SIZE,
    });
    if (page === null) throw new BadRequestException('No message in this room has that id');

    return page;
  }
}
