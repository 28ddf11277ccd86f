import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ErrorBody } from './http-exception.filter.js';

export class ErrorResponseDto implements ErrorBody {
  @ApiProperty({ example: 401 })
  statusCode!: number;

  @ApiProperty({ example: 'Wrong username or password' })
  message!: string;

  @ApiPropertyOptional({ example: 'Unauthorized' })
  error?: string;
}
