import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto.js';
import type { UserPresence } from '../../shared/chat-events.js';
import { Authenticated } from './authenticated.decorator.js';
import { UserPresenceDto } from './dto/auth-responses.dto.js';
import { UserIdsQueryDto } from './dto/user-ids-query.dto.js';
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Names and presence of the given users; unknown ids are left out' })
  @ApiOkResponse({ type: [UserPresenceDto] })
  @ApiBadRequestResponse({ type: ErrorResponseDto })
  async findUsers(@Query() query: UserIdsQueryDto): Promise<UserPresence[]> {
    return this.users.findPresence(query.ids.split(',').map(Number));
  }

  @Get('online')
  @Authenticated()
  @ApiOperation({ summary: 'Users with at least one live connection' })
  @ApiOkResponse({ type: [UserPresenceDto] })
  async findOnline(): Promise<UserPresence[]> {
    return this.users.listOnline();
  }
}
