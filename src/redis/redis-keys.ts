/**
 * The one place that builds Redis key and channel names. docs/redis-keys.md describes each of
 * them; the first group is the classic tutorial's schema and must keep its exact shape so that
 * servers written to the tutorial can share the database.
 *
 * Every builder checks the ids it is given: a value that could change which key is addressed
 * (a stray `:` or `*`, say) throws instead of reaching Redis.
 */

const USER_ID = /^[1-9]\d{0,15}$/;
const ROOM_ID = /^(0|[1-9]\d{0,15}|[1-9]\d{0,15}:[1-9]\d{0,15})$/;
const USERNAME = /^[A-Za-z0-9_.-]{1,32}$/;
const TOKEN_DIGEST = /^[A-Za-z0-9_-]{16,128}$/;
const CLIENT_MESSAGE_ID = /^[A-Za-z0-9_-]{8,64}$/;
/** A server instance id (`RuntimeConfig.serverId`, a UUID). */
const SERVER_ID = /^[A-Za-z0-9-]{1,64}$/;
/** An IPv4 or IPv6 address as Node reports it (`::ffff:127.0.0.1`, say). */
const CLIENT_ADDRESS = /^[0-9A-Fa-f.:]{2,45}$/;

export class InvalidKeyPartError extends Error {
  constructor(kind: string, value: string) {
    super(`Refusing to build a Redis key from an invalid ${kind}: ${JSON.stringify(value)}`);
  }
}

function checked(kind: string, pattern: RegExp, value: string | number): string {
  const text = String(value);
  if (!pattern.test(text)) throw new InvalidKeyPartError(kind, text);

  return text;
}

const userId = (id: string | number) => checked('user id', USER_ID, id);
const roomId = (id: string) => checked('room id', ROOM_ID, id);

export const isUserId = (value: string): boolean => USER_ID.test(value);
export const isRoomId = (value: string): boolean => ROOM_ID.test(value);

/** Pub/Sub channels. */
export const channels = {
  /** The tutorial's cross-instance bus: JSON `{serverId, type, data}`. */
  messages: 'MESSAGES',
} as const;

export const keys = {
  // The tutorial's schema.
  totalUsers: () => 'total_users',
  username: (name: string) => `username:${checked('username', USERNAME, name)}`,
  user: (id: string | number) => `user:${userId(id)}`,
  userRooms: (id: string | number) => `user:${userId(id)}:rooms`,
  roomName: (id: string) => `room:${roomId(id)}:name`,
  roomMessages: (id: string) => `room:${roomId(id)}`,
  onlineUsers: () => 'online_users',

  // Added by this project.
  usernameFolded: (name: string) =>
    `username_folded:${checked('username', USERNAME, name).toLowerCase()}`,
  roomLastMessageId: (id: string) => `room:${roomId(id)}:last_message_id`,
  roomMessageIndex: (id: string) => `room:${roomId(id)}:message_index`,
  roomMembers: (id: string) => `room:${roomId(id)}:members`,
  totalChannels: () => 'total_channels',
  channelDirectory: () => 'channels',
  session: (tokenDigest: string) =>
    `session:${checked('session token digest', TOKEN_DIGEST, tokenDigest)}`,
  userSessions: (id: string | number) => `user:${userId(id)}:sessions`,
  roomReadMarkers: (id: string) => `room:${roomId(id)}:read_markers`,
  lastSeen: () => 'last_seen',
  sentMessage: (id: string | number, clientMessageId: string) =>
    `user:${userId(id)}:sent:${checked('client message id', CLIENT_MESSAGE_ID, clientMessageId)}`,
  channelNames: () => 'channel_names',
  loginFailuresOfAccount: (name: string) =>
    `login_failures:account:${checked('username', USERNAME, name).toLowerCase()}`,
  loginFailuresOfAddress: (address: string) =>
    `login_failures:address:${checked('client address', CLIENT_ADDRESS, address)}`,
  userSendRate: (id: string | number) => `user:${userId(id)}:send_rate`,
  userConnections: (id: string | number) => `user:${userId(id)}:connections`,
  presenceServers: () => 'presence:servers',
  presenceServerAlive: (serverId: string) =>
    `presence:server:${checked('server id', SERVER_ID, serverId)}:alive`,
  presenceServerConnections: (serverId: string) =>
    `presence:server:${checked('server id', SERVER_ID, serverId)}:connections`,
} as const;
