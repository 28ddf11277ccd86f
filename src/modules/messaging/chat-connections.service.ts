import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Subscription } from 'rxjs';
import {
  DomainEvents,
  type DomainEventMap,
  type DomainEventName,
} from '../../events/domain-events.js';
import { SessionsService } from '../auth/sessions.service.js';
import { UsersRepository } from '../auth/users.repository.js';
import { PresenceService } from '../presence/presence.service.js';
import { privateRoomParticipants } from '../rooms/room-ids.js';
import { RoomsRepository } from '../rooms/rooms.repository.js';
import { RoomsService } from '../rooms/rooms.service.js';
import { MessagesBus } from './bus/messages-bus.js';
import { ChatDelivery } from './chat-delivery.service.js';
import { handshakeToken } from './socket-handshake.js';
import { socketRooms, type ChatServer, type ChatSocket } from './socket-rooms.js';

/**
 * The life of a socket: the handshake check, the rooms it joins, presence, and the reactions to
 * membership and session changes made elsewhere in the app.
 */
@Injectable()
export class ChatConnections implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ChatConnections.name);
  private readonly subscriptions = new Subscription();

  constructor(
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
    private readonly rooms: RoomsRepository,
    private readonly roomsService: RoomsService,
    private readonly presence: PresenceService,
    private readonly delivery: ChatDelivery,
    private readonly bus: MessagesBus,
    private readonly events: DomainEvents,
  ) {}

  attach(server: ChatServer): void {
    this.delivery.attach(server);
    server.use((socket, next) => {
      this.admit(socket).then(
        () => next(),
        (error: unknown) => next(error instanceof Error ? error : new Error('internal')),
      );
    });
  }

  /** Lets a handshake in with a live session only, and joins the socket to its rooms. */
  private async admit(socket: ChatSocket): Promise<void> {
    let session;
    try {
      session = await this.sessions.authenticate(handshakeToken(socket));
    } catch (error) {
      this.logger.warn(`Could not check a handshake's session: ${String(error)}`);
      throw new Error('internal', { cause: error });
    }
    if (session === null) throw new Error('unauthenticated');

    const [user, roomIds] = await Promise.all([
      this.users.findById(session.userId),
      this.rooms.listRoomIdsOf(session.userId),
    ]);
    if (user === null) throw new Error('unauthenticated');

    socket.data = { userId: user.id, username: user.username, sessionDigest: session.digest };
    await socket.join([socketRooms.user(user.id), socketRooms.session(session.digest), ...roomIds]);
  }

  async connected(socket: ChatSocket): Promise<void> {
    const { userId, username } = socket.data;
    try {
      const first = await this.presence.connect(userId, socket.id);
      if (first) await this.announce([{ id: userId, username }], true);
    } catch (error) {
      this.logger.warn(`Could not record user ${userId} as online: ${String(error)}`);
    }
  }

  async disconnected(socket: ChatSocket): Promise<void> {
    const { userId, username } = socket.data;
    if (userId === undefined) return;

    try {
      const last = await this.presence.disconnect(userId, socket.id);
      if (last) await this.announce([{ id: userId, username }], false);
    } catch (error) {
      this.logger.warn(`Could not record user ${userId} as offline: ${String(error)}`);
    }
  }

  onModuleInit(): void {
    this.presence.onPresenceChange(async (userIds, online) => {
      const names = await this.users.findUsernames(userIds);
      const users = userIds.map((id) => ({ id, username: names.get(id) ?? `User ${id}` }));
      await this.announce(users, online);
    });

    this.react('room.member-added', async ({ roomId, userId }) => {
      this.delivery.addUserToRoom(userId, await this.roomsService.summaryOf(userId, roomId));
      await this.showPrivateRoom(roomId);
    });
    this.react('room.member-removed', ({ roomId, userId }) =>
      this.delivery.removeUserFromRoom(userId, { roomId }),
    );
    this.react('session.ended', ({ digest }) => this.delivery.disconnectSession(digest));
    this.react('session.all-ended', ({ userId }) => this.delivery.disconnectUser(userId));
  }

  onModuleDestroy(): void {
    this.subscriptions.unsubscribe();
  }

  private async announce(users: { id: number; username: string }[], online: boolean) {
    for (const user of users) {
      await this.bus.broadcast({
        type: online ? 'user.connected' : 'user.disconnected',
        data: { ...user, online },
      });
    }
  }

  /** Tells servers that follow the tutorial about a new private room, as it does. */
  private async showPrivateRoom(roomId: string): Promise<void> {
    const participants = privateRoomParticipants(roomId);
    if (participants === null) return;

    const names = await this.users.findUsernames(participants);
    await this.bus.broadcast({
      type: 'show.room',
      data: { id: roomId, names: participants.map((id) => names.get(id) ?? `User ${id}`) },
    });
  }

  private react<K extends DomainEventName>(
    name: K,
    handle: (payload: DomainEventMap[K]) => unknown,
  ): void {
    this.subscriptions.add(
      this.events.on(name).subscribe((payload) => {
        Promise.resolve()
          .then(() => handle(payload))
          .catch((error: unknown) =>
            this.logger.error(
              `Reacting to ${name} failed`,
              error instanceof Error ? error.stack : String(error),
            ),
          );
      }),
    );
  }
}
