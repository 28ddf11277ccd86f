import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { MessagesBus } from './bus/messages-bus.js';

/** A typing indicator ends by itself this long after the last `typing:start`. */
export const TYPING_TIMEOUT_MS = 5_000;

export interface Typist {
  userId: number;
  username: string;
}

/**
 * Typing indicators, relayed to the room and never stored. The instance that received
 * `typing:start` sends the matching stop itself, after TYPING_TIMEOUT_MS of silence.
 */
@Injectable()
export class TypingService implements OnModuleDestroy {
  private readonly logger = new Logger(TypingService.name);
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly bus: MessagesBus) {}

  /** The caller has checked that the typist belongs to the room. */
  async start(typist: Typist, roomId: string): Promise<void> {
    const key = `${typist.userId}|${roomId}`;
    const wasTyping = this.timers.has(key);
    clearTimeout(this.timers.get(key));
    const timer = setTimeout(() => this.stopQuietly(typist, roomId), TYPING_TIMEOUT_MS);
    timer.unref();
    this.timers.set(key, timer);
    if (wasTyping) return;

    await this.announce(typist, roomId, true);
  }

  async stop(typist: Typist, roomId: string): Promise<void> {
    const key = `${typist.userId}|${roomId}`;
    const timer = this.timers.get(key);
    if (timer === undefined) return;

    clearTimeout(timer);
    this.timers.delete(key);
    await this.announce(typist, roomId, false);
  }

  /** The automatic stop has no caller to report to: a failure is logged, never thrown. */
  private stopQuietly(typist: Typist, roomId: string): void {
    this.stop(typist, roomId).catch((error: unknown) => {
      this.logger.warn(
        `Could not end typing of user ${typist.userId} in ${roomId}: ${String(error)}`,
      );
    });
  }

  onModuleDestroy(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private async announce(typist: Typist, roomId: string, typing: boolean): Promise<void> {
    await this.bus.broadcast({
      type: 'typing',
      data: { roomId, userId: typist.userId, username: typist.username, typing },
    });
  }
}
