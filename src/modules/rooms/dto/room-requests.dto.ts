import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

export const CHANNEL_NAME_MAX_LENGTH = 40;
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

export class OpenPrivateRoomDto {
  @ApiProperty({ description: 'The other participant', example: 2 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  userId!: number;
}

export class CreateChannelDto {
  @ApiProperty({
    description: `1 to ${CHANNEL_NAME_MAX_LENGTH} characters after trimming; unique in any case`,
    example: 'random',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, CHANNEL_NAME_MAX_LENGTH)
  // Control characters would only hide what a name really is.
  @Matches(/^[^\p{Cc}]*$/u, { message: 'name must not contain control characters' })
  name!: string;
}

export class HistoryQueryDto {
  @ApiPropertyOptional({ description: 'Messages older than this message id' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  before?: number;

  @ApiPropertyOptional({ description: 'Messages newer than this message id' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  after?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}
