import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChatMessage } from '../../../shared/chat-message.js';
import type {
  ChannelListing,
  MessagePage,
  RoomKind,
  RoomSummary,
} from '../../../shared/chat-events.js';

export class ChatMessageDto implements ChatMessage {
  @ApiPropertyOptional({
    description: 'Orders the message in its room; absent on messages of a tutorial server',
    example: 42,
  })
  id?: number;

  @ApiProperty({ description: 'Sender user id', example: 1 })
  from!: number;

  @ApiProperty({ description: 'Unix seconds with milliseconds as fraction', example: 1733240000.5 })
  date!: number;

  @ApiProperty({ description: 'The text exactly as written', example: 'Hello!' })
  message!: string;

  @ApiProperty({ example: '0' })
  roomId!: string;

  @ApiPropertyOptional({ description: 'Unix seconds of the last edit' })
  editedAt?: number;
}

export class RoomSummaryDto implements RoomSummary {
  @ApiProperty({ example: '1:2', description: "'0', a channel number, or 'min:max' user ids" })
  id!: string;

  @ApiProperty({ enum: ['general', 'private', 'channel'] })
  kind!: RoomKind;

  @ApiProperty({ description: "General, the channel's name, or the other participant's name" })
  name!: string;

  @ApiPropertyOptional({ description: 'The other participant of a private room' })
  peerId?: number;

  @ApiProperty()
  memberCount!: number;

  @ApiProperty({ type: ChatMessageDto, nullable: true })
  lastMessage!: ChatMessageDto | null;

  @ApiProperty({ description: 'Messages after the read marker' })
  unread!: number;
}

export class ChannelListingDto implements ChannelListing {
  @ApiProperty({ example: '3' })
  id!: string;

  @ApiProperty({ example: 'random' })
  name!: string;

  @ApiProperty()
  memberCount!: number;

  @ApiProperty({ description: 'Whether the signed-in user is a member' })
  joined!: boolean;
}

export class MessagePageDto implements MessagePage {
  @ApiProperty({ type: [ChatMessageDto], description: 'Oldest first' })
  messages!: ChatMessageDto[];

  @ApiProperty({ description: 'More messages exist beyond this page in the direction read' })
  hasMore!: boolean;
}
