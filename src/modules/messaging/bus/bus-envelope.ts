import type {
  ChatMessage,
  MessageDeleted,
  ReadState,
  TypingEvent,
} from '../../../shared/chat-events.js';

/** A user's presence as the tutorial announces it on the bus. */
export interface BusUser {
  id: number;
  username: string;
  online: boolean;
}

/**
 * What travels on MESSAGES, by envelope type. `message`, `user.*` and `show.room` are the
 * tutorial's; the rest are ours, and tutorial servers ignore them.
 */
export interface BusEventMap {
  message: ChatMessage;
  'message.edited': ChatMessage;
  'message.deleted': MessageDeleted;
  typing: TypingEvent;
  'read.state': ReadState & { userId: number };
  'user.connected': BusUser;
  'user.disconnected': BusUser;
  'show.room': { id: string; names: string[] };
}

export type BusEventType = keyof BusEventMap;

export type BusEvent = { [K in BusEventType]: { type: K; data: BusEventMap[K] } }[BusEventType];

/** The wire format: the tutorial's `{serverId, type, data}`. */
export interface BusEnvelope {
  serverId: string;
  type: string;
  data: unknown;
}

/** Reads an envelope from whatever arrived; `null` when it is not shaped like one. */
export function readEnvelope(value: unknown): BusEnvelope | null {
  if (typeof value !== 'object' || value === null) return null;

  const { serverId, type, data } = value as Record<string, unknown>;
  if (typeof type !== 'string' || (typeof serverId !== 'string' && typeof serverId !== 'number')) {
    return null;
  }

  return { serverId: String(serverId), type, data };
}
