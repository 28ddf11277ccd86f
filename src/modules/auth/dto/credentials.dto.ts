import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength, Validate } from 'class-validator';
import {
  PASSWORD_RULE,
  USERNAME_MAX_LENGTH,
  USERNAME_PATTERN,
  USERNAME_RULE,
} from '../credentials.js';
import { PasswordBytesConstraint } from './password-bytes.constraint.js';

export class SignUpDto {
  @ApiProperty({ description: USERNAME_RULE, example: 'Ada', pattern: USERNAME_PATTERN.source })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: `username must be ${USERNAME_RULE}` })
  username!: string;

  @ApiProperty({ description: PASSWORD_RULE, example: 'correct horse battery', minLength: 8 })
  @IsString()
  @Validate(PasswordBytesConstraint)
  password!: string;
}

/**
 * Sign-in accepts any password text: accounts made by a tutorial server may predate our rules,
 * and a password that could not exist simply does not match.
 */
export class SignInDto {
  @ApiProperty({ description: USERNAME_RULE, example: 'Pablo', pattern: USERNAME_PATTERN.source })
  @IsString()
  @MaxLength(USERNAME_MAX_LENGTH)
  @Matches(USERNAME_PATTERN, { message: `username must be ${USERNAME_RULE}` })
  username!: string;

  @ApiProperty({ example: 'password123', maxLength: 1024 })
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password!: string;
}
