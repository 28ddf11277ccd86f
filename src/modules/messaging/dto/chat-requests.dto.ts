import { IsInt, IsObject, IsString, Matches, MaxLength, Min } from 'class-validator';
import type {
  DeleteMessageRequest,
  EditMessageRequest,
  MarkReadRequest,
  ResumeRequest,
  RoomRequest,
  SendMessageRequest,
} from '../../../shared/chat-events.js';
import { MAX_MESSAGE_LENGTH } from '../../../shared/chat-events.js';

/** The same shapes as redis-keys.ts accepts, so a valid request always builds valid keys. */
const ROOM_ID = /^(0|[1-9]\d{0,15}|[1-9]\d{0,15}:[1-9]\d{0,15})$/;
const CLIENT_MESSAGE_ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * Texts are checked for length here only roughly (a JSON string may be padded with spaces);
 * the exact rule, 1 to MAX_MESSAGE_LENGTH characters after trimming, is the service's.
 */
const MAX_RAW_TEXT_LENGTH = MAX_MESSAGE_LENGTH * 2;

export class RoomDto implements RoomRequest {
  @IsString()
  @Matches(ROOM_ID, { message: 'roomId is not a room id' })
  roomId!: string;
}

export class SendMessageDto extends RoomDto implements SendMessageRequest {
  @IsString()
  @MaxLength(MAX_RAW_TEXT_LENGTH)
  text!: string;

  @IsString()
  @Matches(CLIENT_MESSAGE_ID, {
    message: 'clientMessageId must be 8 to 64 of A-Z a-z 0-9 _ -',
  })
  clientMessageId!: string;
}

export class MessageRefDto extends RoomDto implements DeleteMessageRequest {
  @IsInt()
  @Min(1)
  messageId!: number;
}

export class EditMessageDto extends MessageRefDto implements EditMessageRequest {
  @IsString()
  @MaxLength(MAX_RAW_TEXT_LENGTH)
  text!: string;
}

export class MarkReadDto extends MessageRefDto implements MarkReadRequest {}

export class ResumeDto implements ResumeRequest {
  /** Room id to last message id; checked entry by entry by the service. */
  @IsObject()
  rooms!: Record<string, number>;
}
