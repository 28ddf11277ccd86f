import type { ChatMessage } from '../../shared/chat-message.js';

/** Parses a sorted-set member; returns `null` for anything that is not a chat message. */
export function parseStoredMessage(member: string): ChatMessage | null {
  let value: unknown;
  try {
    value = JSON.parse(member);
  } catch {
    return null;
  }

  return readChatMessage(value);
}

/**
 * Reads a chat message from parsed JSON (a stored member or a bus envelope's data). Servers that
 * follow the tutorial may write `from` as a string; it is read as a number.
 */
export function readChatMessage(value: unknown): ChatMessage | null {
  if (typeof value !== 'object' || value === null) return null;

  const { id, from, date, message, roomId, editedAt } = value as Record<string, unknown>;
  const sender = Number(from);
  if (typeof message !== 'string' || typeof date !== 'number' || !Number.isInteger(sender)) {
    return null;
  }

  return {
    ...(typeof id === 'number' ? { id } : {}),
    from: sender,
    date,
    message,
    roomId: String(roomId),
    ...(typeof editedAt === 'number' ? { editedAt } : {}),
  };
}
