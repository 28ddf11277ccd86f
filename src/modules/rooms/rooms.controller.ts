import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto.js';
import type { MessagePage, RoomSummary } from '../../shared/chat-events.js';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { AuthenticatedSession } from '../auth/sessions.service.js';
import { HistoryQueryDto, OpenPrivateRoomDto } from './dto/room-requests.dto.js';
import { MessagePageDto, RoomSummaryDto } from './dto/room-responses.dto.js';
import { HistoryService } from './history.service.js';
import { RoomIdPipe } from './room-id.pipe.js';
import { RoomsService } from './rooms.service.js';

@ApiTags('rooms')
@Controller('rooms')
@Authenticated()
export class RoomsController {
  constructor(
    private readonly rooms: RoomsService,
    private readonly history: HistoryService,
  ) {}

  @Get()
  @ApiOperation({ summary: "The signed-in user's rooms: General first, then by last activity" })
  @ApiOkResponse({ type: [RoomSummaryDto] })
  async listRooms(@CurrentUser() session: AuthenticatedSession): Promise<RoomSummary[]> {
    return this.rooms.listRooms(session.userId);
  }

  @Post('private')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Open the private room with another user (idempotent)' })
  @ApiOkResponse({ type: RoomSummaryDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid id, or yourself' })
  @ApiNotFoundResponse({ type: ErrorResponseDto, description: 'No such user' })
  async openPrivateRoom(
    @CurrentUser() session: AuthenticatedSession,
    @Body() body: OpenPrivateRoomDto,
  ): Promise<RoomSummary> {
    return this.rooms.openPrivateRoom(session.userId, body.userId);
  }

  @Get(':roomId/messages')
  @ApiOperation({
    summary: 'A page of history, oldest first',
    description:
      'Without a cursor: the newest `limit` messages. With `before`: the `limit` messages before ' +
      'that id, `hasMore` telling whether older ones exist. With `after`: the `limit` messages ' +
      'after that id, `hasMore` telling whether newer ones exist.',
  })
  @ApiParam({ name: 'roomId', example: '0' })
  @ApiOkResponse({ type: MessagePageDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto, description: 'Invalid query or unknown cursor' })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async findMessages(
    @CurrentUser() session: AuthenticatedSession,
    @Param('roomId', RoomIdPipe) roomId: string,
    @Query() query: HistoryQueryDto,
  ): Promise<MessagePage> {
    return this.history.findPage(session.userId, roomId, query);
  }
}
