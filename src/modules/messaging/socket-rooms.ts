import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../../shared/chat-events.js';

/**
 * Socket.IO room names. Chat rooms use the room id itself (`0`, `1:2`, `7`); these prefixes
 * cannot collide with a room id. They name socket groups, not Redis keys.
 */
export const socketRooms = {
  /** Every socket of one user, on every instance. */
  user: (userId: number) => `user:${userId}`,
  /** Every socket opened with one session, for signing that session out. */
  session: (digest: string) => `session:${digest}`,
};

/** Who a socket belongs to; set by the handshake check before any event is handled. */
export interface ChatSocketData {
  userId: number;
  username: string;
  sessionDigest: string;
}

// The third parameter is for server-to-server events, which this project does not use.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type NoServerEvents = {};

export type ChatServer = Server<
  ClientToServerEvents,
  ServerToClientEvents,
  NoServerEvents,
  ChatSocketData
>;

export type ChatSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  NoServerEvents,
  ChatSocketData
>;
