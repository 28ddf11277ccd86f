import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import type { MessageDeleted, ResumeResult } from '@shared/chat-events';
import type { ChatMessage } from '@shared/chat-message';
import { describeApiError } from '../../core/api-error';
import { ChatSocket } from '../../core/chat-socket.service';
import { OutboxStore } from '../../core/outbox.store';
import { SessionStore } from '../../core/session.store';
import { RoomsStore } from '../rooms/rooms.store';
import { MessagesApi } from './messages-api.service';
import {
  EMPTY_TIMELINE,
  firstMessageId,
  lastMessageId,
  mergeMessages,
  type Timeline,
} from './timeline';

/**
 * The messages of every room opened in this session, kept complete across reconnections:
 * live events while connected, `resume` after, a fresh first page when the server says so.
 */
@Injectable()
export class ChatStore {
  private readonly api = inject(MessagesApi);
  private readonly socket = inject(ChatSocket);
  private readonly outbox = inject(OutboxStore);
  private readonly rooms = inject(RoomsStore);
  private readonly me = inject(SessionStore).requireUser();

  private readonly timelines = signal<Record<string, Timeline>>({});
  private readonly pageVisible = signal(document.visibilityState === 'visible');
  /** The last read marker sent per room, so scrolling does not repeat it. */
  private readonly readSent = new Map<string, number>();

  readonly activeTimeline = computed(
    () => this.timelines()[this.rooms.activeRoomId()] ?? EMPTY_TIMELINE,
  );
  private readonly activeReady = computed(() => this.activeTimeline().ready);
  readonly activePending = computed(() =>
    this.outbox.entries().filter((entry) => entry.roomId === this.rooms.activeRoomId()),
  );

  constructor() {
    const onVisibility = () => this.pageVisible.set(document.visibilityState === 'visible');
    document.addEventListener('visibilitychange', onVisibility);
    const stops = [
      this.socket.on('message:new', (message) => this.receive(message)),
      this.socket.on('message:edited', (message) => this.applyEdit(message)),
      this.socket.on('message:deleted', (event) => this.applyDelete(event)),
      this.outbox.onDelivered((message) => this.receive(message)),
      this.socket.onConnected(() => void this.resync()),
    ];
    inject(DestroyRef).onDestroy(() => {
      stops.forEach((stop) => stop());
      document.removeEventListener('visibilitychange', onVisibility);
    });

    // Opening a room loads it; looking at it marks it read.
    effect(() => {
      const roomId = this.rooms.activeRoomId();
      const visible = this.pageVisible();
      const ready = this.activeReady();
      untracked(() => {
        if (!ready) void this.open(roomId);
        else if (visible) this.markRead(roomId);
      });
    });
  }

  async open(roomId: string): Promise<void> {
    if (this.timelines()[roomId]) return;

    this.patch(roomId, () => EMPTY_TIMELINE);
    await this.loadLatest(roomId);
  }

  async loadOlder(roomId: string): Promise<void> {
    const timeline = this.timelines()[roomId];
    if (!timeline?.ready || !timeline.hasMore || timeline.loadingOlder) return;

    const before = firstMessageId(timeline.messages);
    this.patch(roomId, (current) => ({ ...current, loadingOlder: true }));
    try {
      const page = await this.api.page(roomId, before);
      this.patch(roomId, (current) => ({
        ...current,
        messages: mergeMessages(current.messages, page.messages),
        hasMore: page.hasMore,
        loadingOlder: false,
      }));
      this.rooms.ensureUsers(page.messages.map((message) => message.from));
    } catch (error: unknown) {
      this.patch(roomId, (current) => ({
        ...current,
        loadingOlder: false,
        error: describeApiError(error),
      }));
    }
  }

  send(roomId: string, text: string): void {
    this.outbox.enqueue(roomId, text);
  }

  async edit(message: ChatMessage, text: string): Promise<void> {
    if (message.id === undefined) return;

    const edited = await this.socket.request('message:edit', {
      roomId: message.roomId,
      messageId: message.id,
      text,
    });
    this.applyEdit(edited);
  }

  async remove(message: ChatMessage): Promise<void> {
    if (message.id === undefined) return;

    const deleted = await this.socket.request('message:delete', {
      roomId: message.roomId,
      messageId: message.id,
    });
    this.applyDelete(deleted);
  }

  private async loadLatest(roomId: string): Promise<void> {
    try {
      const page = await this.api.page(roomId);
      this.patch(roomId, (current) => ({
        ...current,
        // Live messages that arrived while the page was on its way are kept.
        messages: mergeMessages(current.messages, page.messages),
        hasMore: page.hasMore,
        ready: true,
        error: null,
      }));
      this.rooms.ensureUsers(page.messages.map((message) => message.from));
    } catch (error: unknown) {
      this.patch(roomId, (current) => ({ ...current, error: describeApiError(error) }));
    }
  }

  private receive(message: ChatMessage): void {
    const seen = message.roomId === this.rooms.activeRoomId() && this.pageVisible();
    this.rooms.noteMessage(message, seen);
    if (!this.timelines()[message.roomId]) return;

    this.patch(message.roomId, (current) => ({
      ...current,
      messages: mergeMessages(current.messages, [message]),
    }));
    if (seen) this.markRead(message.roomId);
  }

  private applyEdit(message: ChatMessage): void {
    if (message.id !== undefined) this.rooms.noteChange(message.roomId, message.id, message);
    if (!this.timelines()[message.roomId]) return;

    this.patch(message.roomId, (current) => ({
      ...current,
      messages: mergeMessages(current.messages, [message]),
    }));
  }

  private applyDelete({ roomId, id }: MessageDeleted): void {
    if (!this.timelines()[roomId]) return this.rooms.noteChange(roomId, id, null);

    this.patch(roomId, (current) => ({
      ...current,
      messages: current.messages.filter((message) => message.id !== id),
    }));
    const remaining = this.timelines()[roomId].messages;
    this.rooms.noteChange(roomId, id, remaining.at(-1) ?? null);
  }

  /** After any (re)connection: refresh the room list, fetch what was missed, send the outbox. */
  private async resync(): Promise<void> {
    const cursors: Record<string, number> = {};
    for (const [roomId, timeline] of Object.entries(this.timelines())) {
      const last = lastMessageId(timeline.messages);
      // 0 (nothing seen) makes the server answer `reload`, which suits an empty room.
      if (timeline.ready) cursors[roomId] = last ?? 0;
      // A first page that failed (e.g. the network dropped mid-request) is worth another try.
      if (!timeline.ready && timeline.error) void this.loadLatest(roomId);
    }

    void this.rooms.load();
    void this.outbox.flush();
    if (Object.keys(cursors).length === 0) return;

    let result: ResumeResult;
    try {
      result = await this.socket.request('resume', { rooms: cursors });
    } catch (error: unknown) {
      console.warn('Resume failed; reloading the open rooms', error);
      result = {
        rooms: Object.fromEntries(Object.keys(cursors).map((id) => [id, { reload: true }])),
      };
    }

    for (const [roomId, missed] of Object.entries(result.rooms)) {
      if ('reload' in missed) {
        this.patch(roomId, () => EMPTY_TIMELINE);
        void this.loadLatest(roomId);
      } else if (missed.messages.length > 0) {
        this.patch(roomId, (current) => ({
          ...current,
          messages: mergeMessages(current.messages, missed.messages),
        }));
        this.rooms.ensureUsers(missed.messages.map((message) => message.from));
      }
    }
    this.markRead(this.rooms.activeRoomId());
  }

  private markRead(roomId: string): void {
    const timeline = this.timelines()[roomId];
    const last = timeline ? lastMessageId(timeline.messages) : undefined;
    const room = this.rooms.rooms().find((known) => known.id === roomId);
    if (last === undefined || !this.socket.connected) return;
    if ((this.readSent.get(roomId) ?? -1) >= last && !room?.unread) return;

    this.readSent.set(roomId, last);
    this.socket.request('room:read', { roomId, messageId: last }).then(
      (state) => this.rooms.applyReadState(state),
      (error: unknown) => {
        this.readSent.delete(roomId);
        console.warn(`Room ${roomId} could not be marked read`, error);
      },
    );
  }

  private patch(roomId: string, change: (timeline: Timeline) => Timeline): void {
    this.timelines.update((all) => ({ ...all, [roomId]: change(all[roomId] ?? EMPTY_TIMELINE) }));
  }
}
