import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';

/** At most this many users per lookup. */
export const MAX_USER_IDS = 100;

export class UserIdsQueryDto {
  @ApiProperty({
    description: `Comma-separated user ids, at most ${MAX_USER_IDS}`,
    example: '1,2',
  })
  @Matches(/^[1-9]\d{0,15}(,[1-9]\d{0,15}){0,99}$/, {
    message: `ids must be up to ${MAX_USER_IDS} comma-separated user ids`,
  })
  ids!: string;
}
