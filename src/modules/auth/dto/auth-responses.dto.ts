import { ApiProperty } from '@nestjs/swagger';
import type { AuthResult, AuthUser, UserPresence } from '../../../shared/chat-events.js';

export class AuthUserDto implements AuthUser {
  @ApiProperty({ example: 1 })
  id!: number;

  @ApiProperty({ example: 'Pablo' })
  username!: string;
}

export class AuthResultDto implements AuthResult {
  @ApiProperty({ type: AuthUserDto })
  user!: AuthUserDto;

  @ApiProperty({
    description: 'The session token, for `Authorization: Bearer <token>` outside browsers',
  })
  token!: string;
}

export class DemoUsersDto {
  @ApiProperty({ type: [String], example: ['Pablo', 'Joe', 'Mary', 'Alex'] })
  usernames!: string[];
}

export class UserPresenceDto implements UserPresence {
  @ApiProperty({ example: 2 })
  id!: number;

  @ApiProperty({ example: 'Joe' })
  username!: string;

  @ApiProperty()
  online!: boolean;

  @ApiProperty({ required: false, description: 'Unix seconds of the last disconnect, if known' })
  lastSeen?: number;
}
