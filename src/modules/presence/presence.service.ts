import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { APP_CONFIG, type RuntimeConfig } from '../../config/app-config.js';
import { PresenceRepository } from './presence.repository.js';

/**
 * Called when users change state other than by a socket of theirs connecting or disconnecting
 * here: swept after a crash, removed on shutdown, or registered again after a lapse.
 */
export type PresenceListener = (userIds: number[], online: boolean) => Promise<void>;

/**
 * Presence per user, not per socket: a user is online while any connection is alive on any
 * instance. Each instance renews a liveness key every third of `presenceTtlMs` and sweeps the
 * connections of instances whose key lapsed, so users of a crashed instance go offline within
 * `presenceTtlMs` plus one sweep interval (20 s with the default 15 s).
 */
@Injectable()
export class PresenceService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(PresenceService.name);
  /** This instance's live connections: connection id to user id. */
  private readonly connections = new Map<string, number>();
  private timer?: NodeJS.Timeout;
  private stopping = false;
  private listener: PresenceListener = () => Promise.resolve();

  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    private readonly presence: PresenceRepository,
  ) {}

  get intervalMs(): number {
    return Math.max(250, Math.floor(this.config.presenceTtlMs / 3));
  }

  onPresenceChange(listener: PresenceListener): void {
    this.listener = listener;
  }

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  /** Returns whether this is the user's first connection anywhere. */
  async connect(userId: number, socketId: string): Promise<boolean> {
    if (this.stopping) return false;

    const connectionId = this.connectionId(socketId);
    this.connections.set(connectionId, userId);

    return this.presence.addConnection(
      this.config.serverId,
      userId,
      connectionId,
      this.config.presenceTtlMs,
    );
  }

  /** Returns whether this was the user's last connection anywhere. */
  async disconnect(userId: number, socketId: string): Promise<boolean> {
    const connectionId = this.connectionId(socketId);
    if (this.stopping || !this.connections.delete(connectionId)) return false;

    return this.presence.removeConnection(this.config.serverId, userId, connectionId);
  }

  async isOnline(userId: number): Promise<boolean> {
    return (await this.presence.listOnlineUserIds()).includes(userId);
  }

  /** Removes this instance's connections before the sockets close, and announces who left. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);

    try {
      const offline = await this.presence.removeServer(this.config.serverId);
      this.connections.clear();
      if (offline.length > 0) await this.listener(offline, false);
    } catch (error) {
      this.logger.warn(`Could not remove this instance's connections: ${String(error)}`);
    }
  }

  private async tick(): Promise<void> {
    try {
      await this.renew();
      await this.sweepOthers();
    } catch (error) {
      this.logger.warn(`Presence heartbeat failed: ${String(error)}`);
    }
  }

  /** A lapsed liveness key means another instance may have swept us: register again. */
  private async renew(): Promise<void> {
    const { serverId, presenceTtlMs } = this.config;
    const wasAlive = await this.presence.renewServer(serverId, presenceTtlMs);
    if (wasAlive || this.connections.size === 0) return;

    this.logger.warn(`Presence of this instance had lapsed; registering its connections again`);
    const back = new Set<number>();
    for (const [connectionId, userId] of this.connections) {
      const first = await this.presence.addConnection(
        serverId,
        userId,
        connectionId,
        presenceTtlMs,
      );
      if (first) back.add(userId);
    }
    if (back.size > 0) await this.listener([...back], true);
  }

  private async sweepOthers(): Promise<void> {
    for (const serverId of await this.presence.listServers()) {
      if (serverId === this.config.serverId || this.stopping) continue;

      const offline = await this.presence.sweepServer(serverId);
      if (offline.length === 0) continue;

      this.logger.log(`Instance ${serverId} stopped answering; ${offline.length} user(s) offline`);
      await this.listener(offline, false);
    }
  }

  private connectionId(socketId: string): string {
    return `${this.config.serverId}/${socketId}`;
  }
}
