import { Injectable, inject, signal } from '@angular/core';
import type { ChatMessage } from '@shared/chat-message';
import { ChatRequestError, ChatSocket } from './chat-socket.service';
import { newClientMessageId } from './client-ids';

/** A message written but not yet acknowledged by the server. */
export interface OutboxEntry {
  clientMessageId: string;
  roomId: string;
  text: string;
  /** Unix time in milliseconds when it was written. */
  queuedAt: number;
  /** Set when the server refused it for good; the user may retry or discard it. */
  failure?: string;
}

/** Wait before retrying after the server asked us to slow down. */
const RATE_LIMIT_PAUSE_MS = 2_000;

/**
 * Every outgoing message passes through here: it is saved (memory and localStorage) before it is
 * sent, and re-sent with the same clientMessageId until acknowledged, so the server stores it
 * once however often the connection drops.
 */
@Injectable({ providedIn: 'root' })
export class OutboxStore {
  private readonly socket = inject(ChatSocket);
  private readonly queue = signal<OutboxEntry[]>([]);
  private readonly deliveredListeners = new Set<(message: ChatMessage) => void>();
  private storageKey?: string;
  private flushing = false;

  readonly entries = this.queue.asReadonly();

  /** Restores what the given user left unsent, e.g. before closing the tab while offline. */
  openFor(userId: number): void {
    this.storageKey = `redis-chat.outbox.${userId}`;
    this.queue.set(readStored(this.storageKey));
  }

  close(): void {
    this.storageKey = undefined;
    this.queue.set([]);
  }

  enqueue(roomId: string, text: string): OutboxEntry {
    const entry: OutboxEntry = {
      clientMessageId: newClientMessageId(),
      roomId,
      text,
      queuedAt: Date.now(),
    };
    this.update((entries) => [...entries, entry]);
    void this.flush();

    return entry;
  }

  retry(clientMessageId: string): void {
    this.update((entries) =>
      entries.map((entry) =>
        entry.clientMessageId === clientMessageId ? { ...entry, failure: undefined } : entry,
      ),
    );
    void this.flush();
  }

  discard(clientMessageId: string): void {
    this.update((entries) => entries.filter((entry) => entry.clientMessageId !== clientMessageId));
  }

  onDelivered(listener: (message: ChatMessage) => void): () => void {
    this.deliveredListeners.add(listener);

    return () => this.deliveredListeners.delete(listener);
  }

  /** Sends waiting entries in the order they were written; stops at the first that cannot go. */
  async flush(): Promise<void> {
    if (this.flushing || !this.socket.connected) return;

    this.flushing = true;
    try {
      let next = this.nextPending();
      while (next && this.socket.connected) {
        const delivered = await this.send(next);
        if (!delivered) break;
        next = this.nextPending();
      }
    } finally {
      this.flushing = false;
    }
  }

  /** Returns false when the entry must wait for a later flush. */
  private async send(entry: OutboxEntry): Promise<boolean> {
    let message: ChatMessage;
    try {
      message = await this.socket.request('message:send', {
        roomId: entry.roomId,
        text: entry.text,
        clientMessageId: entry.clientMessageId,
      });
    } catch (error: unknown) {
      if (error instanceof ChatRequestError && error.code === 'rate_limited') {
        setTimeout(() => void this.flush(), RATE_LIMIT_PAUSE_MS);
      }
      if (!(error instanceof ChatRequestError) || error.retryable) return false;

      this.markFailed(entry.clientMessageId, error.message);

      return true;
    }

    this.discard(entry.clientMessageId);
    for (const listener of this.deliveredListeners) listener(message);

    return true;
  }

  private nextPending(): OutboxEntry | undefined {
    return this.queue().find((entry) => !entry.failure);
  }

  private markFailed(clientMessageId: string, failure: string): void {
    this.update((entries) =>
      entries.map((entry) =>
        entry.clientMessageId === clientMessageId ? { ...entry, failure } : entry,
      ),
    );
  }

  /**
   * Saves the queue without overwriting what other tabs of the same user saved: their entries
   * stay, except those this tab has just removed. A tab that closed while offline thus leaves its
   * messages for the next tab that opens. Two tabs sending the same entry is harmless, because
   * the server stores one message per clientMessageId.
   */
  private update(change: (entries: OutboxEntry[]) => OutboxEntry[]): void {
    const before = this.queue();
    this.queue.update(change);
    if (!this.storageKey) return;

    const after = this.queue();
    const kept = new Set(after.map((entry) => entry.clientMessageId));
    const removed = new Set(
      before.map((entry) => entry.clientMessageId).filter((id) => !kept.has(id)),
    );
    const fromOtherTabs = readStored(this.storageKey).filter(
      (entry) => !kept.has(entry.clientMessageId) && !removed.has(entry.clientMessageId),
    );

    try {
      localStorage.setItem(this.storageKey, JSON.stringify([...after, ...fromOtherTabs]));
    } catch (error: unknown) {
      // Private browsing or a full quota: the outbox still works for this tab.
      console.warn('The outbox could not be saved', error);
    }
  }
}

function readStored(key: string): OutboxEntry[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');

    return Array.isArray(stored) ? stored.filter(isOutboxEntry) : [];
  } catch (error: unknown) {
    console.warn('Ignoring an unreadable saved outbox', error);

    return [];
  }
}

function isOutboxEntry(value: unknown): value is OutboxEntry {
  const entry = value as Partial<OutboxEntry> | null;

  return (
    typeof entry?.clientMessageId === 'string' &&
    typeof entry.roomId === 'string' &&
    typeof entry.text === 'string' &&
    typeof entry.queuedAt === 'number'
  );
}
