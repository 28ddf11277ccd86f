import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { ReadState, RoomSummary, TypingEvent, UserPresence } from '@shared/chat-events';
import type { ChatMessage } from '@shared/chat-message';
import { ChatSocket } from '../../core/chat-socket.service';
import { SessionStore } from '../../core/session.store';
import { RoomsApi } from './rooms-api.service';

export const GENERAL_ROOM_ID = '0';

/** A typing indicator without a stop event (a closed tab) fades after this long. */
const TYPING_FADE_MS = 6_000;

/**
 * The signed-in user's rooms, the people they can see and who is typing where. Provided by the
 * chat shell, so it lives exactly as long as a signed-in session.
 */
@Injectable()
export class RoomsStore {
  private readonly api = inject(RoomsApi);
  private readonly socket = inject(ChatSocket);
  private readonly me = inject(SessionStore).requireUser();

  private readonly roomList = signal<RoomSummary[]>([]);
  private readonly people = signal<ReadonlyMap<number, UserPresence>>(new Map());
  private readonly typists = signal<Record<string, Record<number, string>>>({});
  private readonly typingTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly requestedUsers = new Set<number>();

  readonly activeRoomId = signal(GENERAL_ROOM_ID);
  readonly loadError = signal<string | null>(null);

  /** General first, then the most recently active rooms. */
  readonly rooms = computed(() =>
    [...this.roomList()].sort((a, b) => {
      if (a.id === GENERAL_ROOM_ID) return -1;
      if (b.id === GENERAL_ROOM_ID) return 1;

      return (b.lastMessage?.date ?? 0) - (a.lastMessage?.date ?? 0);
    }),
  );
  readonly activeRoom = computed(
    () => this.roomList().find((room) => room.id === this.activeRoomId()) ?? null,
  );
  readonly onlineUsers = computed(() =>
    [...this.people().values()]
      .filter((user) => user.online && user.id !== this.me.id)
      .sort((a, b) => a.username.localeCompare(b.username)),
  );
  readonly typingInActiveRoom = computed(() =>
    Object.values(this.typists()[this.activeRoomId()] ?? {}),
  );

  constructor() {
    const stops = [
      this.socket.on('user:connected', (user) => this.rememberUser(user)),
      this.socket.on('user:disconnected', (user) => this.rememberUser(user)),
      this.socket.on('room:added', (room) => this.upsertRoom(room)),
      this.socket.on('room:removed', ({ roomId }) => this.forgetRoom(roomId)),
      this.socket.on('room:read-state', (state) => this.applyReadState(state)),
      this.socket.on('typing', (event) => this.applyTyping(event)),
    ];
    inject(DestroyRef).onDestroy(() => {
      stops.forEach((stop) => stop());
      this.typingTimers.forEach((timer) => clearTimeout(timer));
    });
  }

  /** (Re)loads rooms and presence; called on start and after every reconnection. */
  async load(): Promise<void> {
    try {
      const [rooms, online] = await Promise.all([this.api.myRooms(), this.api.onlineUsers()]);
      this.roomList.set(rooms);
      this.people.update((known) => {
        const next = new Map([...known].map(([id, user]) => [id, { ...user, online: false }]));
        for (const user of online) next.set(user.id, user);

        return next;
      });
      this.loadError.set(null);
    } catch (error: unknown) {
      console.error('Rooms could not be loaded', error);
      this.loadError.set('Rooms could not be loaded.');
    }

    if (!this.roomList().some((room) => room.id === this.activeRoomId())) {
      this.activeRoomId.set(GENERAL_ROOM_ID);
    }
  }

  select(roomId: string): void {
    this.activeRoomId.set(roomId);
  }

  async openPrivateChat(userId: number): Promise<void> {
    const room = await this.api.openPrivateRoom(userId);
    this.upsertRoom(room);
    this.select(room.id);
  }

  async leaveChannel(roomId: string): Promise<void> {
    await this.api.leaveChannel(roomId);
    this.forgetRoom(roomId);
  }

  upsertRoom(room: RoomSummary): void {
    this.roomList.update((rooms) => [...rooms.filter((known) => known.id !== room.id), room]);
  }

  forgetRoom(roomId: string): void {
    this.roomList.update((rooms) => rooms.filter((room) => room.id !== roomId));
    if (this.activeRoomId() === roomId) this.activeRoomId.set(GENERAL_ROOM_ID);
  }

  /** Keeps the room list's preview and unread badge in step with a new message. */
  noteMessage(message: ChatMessage, seen: boolean): void {
    const unseen = !seen && message.from !== this.me.id;
    this.patchRoom(message.roomId, (room) => ({
      ...room,
      lastMessage: isNewer(message, room.lastMessage) ? message : room.lastMessage,
      unread: unseen ? room.unread + 1 : room.unread,
    }));
    this.clearTyping(message.roomId, message.from);
    this.ensureUsers([message.from]);
  }

  /** Keeps the preview right when its message is edited or deleted. */
  noteChange(roomId: string, messageId: number, replacement: ChatMessage | null): void {
    this.patchRoom(roomId, (room) =>
      room.lastMessage?.id === messageId ? { ...room, lastMessage: replacement } : room,
    );
  }

  applyReadState(state: ReadState): void {
    this.patchRoom(state.roomId, (room) => ({ ...room, unread: state.unread }));
  }

  userName(userId: number): string {
    if (userId === this.me.id) return this.me.username;

    return this.people().get(userId)?.username ?? `User ${userId}`;
  }

  isMe(userId: number): boolean {
    return userId === this.me.id;
  }

  isOnline(userId: number | undefined): boolean {
    return userId !== undefined && (this.people().get(userId)?.online ?? false);
  }

  /** Fetches names for authors this tab has not seen yet (e.g. someone offline in General). */
  ensureUsers(ids: number[]): void {
    const missing = [...new Set(ids)].filter(
      (id) => id !== this.me.id && !this.people().has(id) && !this.requestedUsers.has(id),
    );
    if (missing.length === 0) return;

    missing.forEach((id) => this.requestedUsers.add(id));
    this.api.users(missing).then(
      (users) => users.forEach((user) => this.rememberUser(user)),
      (error: unknown) => {
        missing.forEach((id) => this.requestedUsers.delete(id));
        console.warn('Names of some users could not be loaded', error);
      },
    );
  }

  private rememberUser(user: UserPresence): void {
    this.people.update((known) => new Map(known).set(user.id, user));
    if (!user.online) this.typingTimers.forEach((_, key) => this.expireTyping(key, user.id));
  }

  private applyTyping(event: TypingEvent): void {
    if (event.userId === this.me.id) return;

    const key = `${event.roomId}|${event.userId}`;
    clearTimeout(this.typingTimers.get(key));
    this.typingTimers.delete(key);
    if (!event.typing) return this.clearTyping(event.roomId, event.userId);

    this.typists.update((all) => ({
      ...all,
      [event.roomId]: { ...all[event.roomId], [event.userId]: event.username },
    }));
    this.typingTimers.set(
      key,
      setTimeout(() => this.clearTyping(event.roomId, event.userId), TYPING_FADE_MS),
    );
  }

  private expireTyping(key: string, userId: number): void {
    const [roomId, typist] = key.split('|');
    if (Number(typist) === userId) this.clearTyping(roomId, userId);
  }

  private clearTyping(roomId: string, userId: number): void {
    if (!this.typists()[roomId]?.[userId]) return;

    this.typists.update((all) => {
      const room = { ...all[roomId] };
      delete room[userId];

      return { ...all, [roomId]: room };
    });
  }

  private patchRoom(roomId: string, change: (room: RoomSummary) => RoomSummary): void {
    this.roomList.update((rooms) =>
      rooms.map((room) => (room.id === roomId ? change(room) : room)),
    );
  }
}

function isNewer(message: ChatMessage, than: ChatMessage | null): boolean {
  if (!than) return true;
  if (message.id !== undefined && than.id !== undefined) return message.id >= than.id;

  return message.date >= than.date;
}
