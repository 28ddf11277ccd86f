import { isRoomId } from '../../../redis/redis-keys.js';
import { readChatMessage } from '../stored-message.js';
import { readEnvelope, type BusEvent, type BusUser } from './bus-envelope.js';

type Fields = Record<string, unknown>;

/**
 * Checks an envelope from MESSAGES and its data for the type it claims. Returns `'own'` for what
 * this instance published, `null` for anything malformed or of a type this server does not
 * handle. Nothing here throws, whatever arrives.
 */
export function readBusEvent(payload: unknown, ownServerId: string): BusEvent | 'own' | null {
  const envelope = readEnvelope(payload);
  if (envelope === null) return null;
  if (envelope.serverId === ownServerId) return 'own';

  const { type, data } = envelope;
  if (typeof data !== 'object' || data === null) return null;
  const fields = data as Fields;

  switch (type) {
    case 'message':
    case 'message.edited': {
      const message = readChatMessage(data);

      return message !== null && isRoomId(message.roomId) ? { type, data: message } : null;
    }
    case 'message.deleted':
      return isRoom(fields.roomId) && isCount(fields.id)
        ? { type, data: { roomId: fields.roomId, id: fields.id } }
        : null;
    case 'typing':
      return isRoom(fields.roomId) &&
        isUser(fields.userId) &&
        typeof fields.username === 'string' &&
        typeof fields.typing === 'boolean'
        ? {
            type,
            data: {
              roomId: fields.roomId,
              userId: fields.userId,
              username: fields.username,
              typing: fields.typing,
            },
          }
        : null;
    case 'read.state':
      return isRoom(fields.roomId) &&
        isUser(fields.userId) &&
        isCount(fields.lastReadId) &&
        isCount(fields.unread)
        ? {
            type,
            data: {
              userId: fields.userId,
              roomId: fields.roomId,
              lastReadId: fields.lastReadId,
              unread: fields.unread,
            },
          }
        : null;
    case 'user.connected':
    case 'user.disconnected': {
      const user = readUser(fields);

      return user === null ? null : { type, data: user };
    }
    case 'show.room':
      return isRoom(fields.id) ? { type, data: { id: fields.id, names: readNames(fields) } } : null;
    default:
      return null;
  }
}

/** Tutorial servers may send ids as strings. */
function readUser(fields: Fields): BusUser | null {
  const id = Number(fields.id);
  if (!isUser(id) || typeof fields.username !== 'string') return null;

  return { id, username: fields.username, online: fields.online !== false };
}

function readNames(fields: Fields): string[] {
  return Array.isArray(fields.names)
    ? fields.names.filter((name): name is string => typeof name === 'string')
    : [];
}

function isRoom(value: unknown): value is string {
  return typeof value === 'string' && isRoomId(value);
}

function isUser(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
