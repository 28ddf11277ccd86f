import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto.js';
import type { ChannelListing, RoomSummary } from '../../shared/chat-events.js';
import { Authenticated } from '../auth/authenticated.decorator.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import type { AuthenticatedSession } from '../auth/sessions.service.js';
import { ChannelsService } from './channels.service.js';
import { CreateChannelDto } from './dto/room-requests.dto.js';
import { ChannelListingDto, RoomSummaryDto } from './dto/room-responses.dto.js';
import { RoomIdPipe } from './room-id.pipe.js';

@ApiTags('channels')
@Controller('channels')
@Authenticated()
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  @Get()
  @ApiOperation({ summary: 'Every public channel, by name' })
  @ApiOkResponse({ type: [ChannelListingDto] })
  async listChannels(@CurrentUser() session: AuthenticatedSession): Promise<ChannelListing[]> {
    return this.channels.listChannels(session.userId);
  }

  @Post()
  @ApiOperation({ summary: 'Create a public channel; the creator joins it' })
  @ApiCreatedResponse({ type: RoomSummaryDto })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The name exists in any case' })
  async createChannel(
    @CurrentUser() session: AuthenticatedSession,
    @Body() body: CreateChannelDto,
  ): Promise<RoomSummary> {
    return this.channels.createChannel(session.userId, body.name);
  }

  @Post(':roomId/join')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Join a public channel' })
  @ApiParam({ name: 'roomId', example: '3' })
  @ApiOkResponse({ type: RoomSummaryDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async joinChannel(
    @CurrentUser() session: AuthenticatedSession,
    @Param('roomId', RoomIdPipe) roomId: string,
  ): Promise<RoomSummary> {
    return this.channels.joinChannel(session.userId, roomId);
  }

  @Post(':roomId/leave')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Leave a public channel (General and private rooms cannot be left)' })
  @ApiParam({ name: 'roomId', example: '3' })
  @ApiNoContentResponse()
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async leaveChannel(
    @CurrentUser() session: AuthenticatedSession,
    @Param('roomId', RoomIdPipe) roomId: string,
  ): Promise<void> {
    await this.channels.leaveChannel(session.userId, roomId);
  }
}
