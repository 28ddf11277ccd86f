/**
 * The Socket.IO contract between the server and its clients: every event name, payload,
 * acknowledgement and error code. docs/socket-events.md explains them in prose.
 *
 * This file is shared with the Angular client: types and constants only, no imports from Nest.
 */
import type { ChatMessage } from './chat-message.js';

export type { ChatMessage };

/** Error codes a client may branch on; `message` carries the readable text. */
export type ChatErrorCode =
  'invalid_input' | 'unauthenticated' | 'forbidden' | 'not_found' | 'rate_limited' | 'internal';

export interface ChatError {
  code: ChatErrorCode;
  message: string;
}

/** Every client event is acknowledged with one of these. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ChatError };

export type AckCallback<T> = (reply: Ack<T>) => void;

/** Longest message text, in characters. */
export const MAX_MESSAGE_LENGTH = 4000;

export type RoomKind = 'general' | 'private' | 'channel';

/** A room as the user who belongs to it sees it. */
export interface RoomSummary {
  id: string;
  kind: RoomKind;
  /** "General", the channel's name, or the other participant's name. */
  name: string;
  /** For private rooms, the other participant. */
  peerId?: number;
  memberCount: number;
  lastMessage: ChatMessage | null;
  unread: number;
}

export interface UserPresence {
  id: number;
  username: string;
  online: boolean;
  /** Unix time in seconds of the last disconnect, when known. */
  lastSeen?: number;
}

// REST payloads (the OpenAPI document at /api/docs-json describes them in full).

export interface AuthUser {
  id: number;
  username: string;
}

/** Answer to sign-up and sign-in; `token` may be used as `Authorization: Bearer <token>`. */
export interface AuthResult {
  user: AuthUser;
  token: string;
}

/** A public channel as listed in the channel directory. */
export interface ChannelListing {
  id: string;
  name: string;
  memberCount: number;
  /** Whether the signed-in user is a member. */
  joined: boolean;
}

/** One page of a room's history, always oldest first. */
export interface MessagePage {
  messages: ChatMessage[];
  /** More messages exist beyond this page in the direction read. */
  hasMore: boolean;
}

// Client to server.

export interface SendMessageRequest {
  roomId: string;
  text: string;
  /** Chosen by the client (8 to 64 of A-Z a-z 0-9 _ -); a retry with the same id is not stored twice. */
  clientMessageId: string;
}

export interface RoomRequest {
  roomId: string;
}

export interface MarkReadRequest {
  roomId: string;
  messageId: number;
}

export interface EditMessageRequest {
  roomId: string;
  messageId: number;
  text: string;
}

export interface DeleteMessageRequest {
  roomId: string;
  messageId: number;
}

export interface ResumeRequest {
  /** The last message id the client saw, per room. */
  rooms: Record<string, number>;
}

export type ResumeRoomResult =
  | { messages: ChatMessage[] }
  /** Too much was missed, or the cursor is unknown: fetch the room's history again. */
  | { reload: true };

export interface ResumeResult {
  rooms: Record<string, ResumeRoomResult>;
}

export interface ReadState {
  roomId: string;
  lastReadId: number;
  unread: number;
}

export interface MessageDeleted {
  roomId: string;
  id: number;
}

export interface TypingEvent {
  roomId: string;
  userId: number;
  username: string;
  typing: boolean;
}

export interface ClientToServerEvents {
  'message:send': (request: SendMessageRequest, ack: AckCallback<ChatMessage>) => void;
  'message:edit': (request: EditMessageRequest, ack: AckCallback<ChatMessage>) => void;
  'message:delete': (request: DeleteMessageRequest, ack: AckCallback<MessageDeleted>) => void;
  'room:join': (request: RoomRequest, ack: AckCallback<RoomSummary>) => void;
  'room:leave': (request: RoomRequest, ack: AckCallback<RoomRequest>) => void;
  'room:read': (request: MarkReadRequest, ack: AckCallback<ReadState>) => void;
  'typing:start': (request: RoomRequest, ack: AckCallback<null>) => void;
  'typing:stop': (request: RoomRequest, ack: AckCallback<null>) => void;
  resume: (request: ResumeRequest, ack: AckCallback<ResumeResult>) => void;
}

export interface ServerToClientEvents {
  'message:new': (message: ChatMessage) => void;
  'message:edited': (message: ChatMessage) => void;
  'message:deleted': (event: MessageDeleted) => void;
  'user:connected': (user: UserPresence) => void;
  'user:disconnected': (user: UserPresence) => void;
  typing: (event: TypingEvent) => void;
  /** A private room or channel membership appeared for this user. */
  'room:added': (room: RoomSummary) => void;
  'room:removed': (event: RoomRequest) => void;
  /** Unread count or read marker changed, in this tab or another tab of the same user. */
  'room:read-state': (state: ReadState) => void;
}
