import type { ChatMessage } from '@shared/chat-message';

/** What the pane knows of one room's history. */
export interface Timeline {
  /** Oldest first, without repeats. */
  messages: ChatMessage[];
  /** Whether older messages exist on the server. */
  hasMore: boolean;
  loadingOlder: boolean;
  /** False until the first page arrived. */
  ready: boolean;
  error: string | null;
}

export const EMPTY_TIMELINE: Timeline = {
  messages: [],
  hasMore: false,
  loadingOlder: false,
  ready: false,
  error: null,
};

/**
 * Merges messages from any source (history, live events, resume, acks) into one ordered list
 * where each message appears once. Messages from servers that assign no id are matched by
 * sender, time and text.
 */
export function mergeMessages(current: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const byKey = new Map(current.map((message) => [messageKey(message), message]));
  for (const message of incoming) {
    const key = messageKey(message);
    const known = byKey.get(key);
    // An older copy (e.g. from history fetched before an edit) must not undo the edit.
    if (!known || (message.editedAt ?? 0) >= (known.editedAt ?? 0)) byKey.set(key, message);
  }

  return [...byKey.values()].sort(compareMessages);
}

export function lastMessageId(messages: ChatMessage[]): number | undefined {
  for (let index = messages.length - 1; index >= 0; index--) {
    const id = messages[index].id;
    if (id !== undefined) return id;
  }

  return undefined;
}

export function firstMessageId(messages: ChatMessage[]): number | undefined {
  return messages.find((message) => message.id !== undefined)?.id;
}

function messageKey(message: ChatMessage): string {
  return message.id !== undefined
    ? `#${message.id}`
    : `${message.from}|${message.date}|${message.message}`;
}

function compareMessages(a: ChatMessage, b: ChatMessage): number {
  if (a.id !== undefined && b.id !== undefined) return a.id - b.id;

  return a.date - b.date;
}
