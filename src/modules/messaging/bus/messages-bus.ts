import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { ClientRedis } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import { APP_CONFIG, type RuntimeConfig } from '../../../config/app-config.js';
import { channels } from '../../../redis/redis-keys.js';
import { ChatDelivery } from '../chat-delivery.service.js';
import type { BusEvent } from './bus-envelope.js';
import { readBusEvent } from './bus-event-reader.js';

/** Injection token of the Redis transport client that publishes on MESSAGES. */
export const MESSAGES_BUS_CLIENT = Symbol('MESSAGES_BUS_CLIENT');

/**
 * The MESSAGES channel between instances. `broadcast` delivers an event to this instance's
 * sockets and publishes it for the others; `receive` delivers what other servers published.
 */
@Injectable()
export class MessagesBus implements OnApplicationShutdown {
  private readonly logger = new Logger(MessagesBus.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    @Inject(MESSAGES_BUS_CLIENT) private readonly client: ClientRedis,
    private readonly delivery: ChatDelivery,
  ) {}

  /**
   * Never throws: the event is already persisted where that matters, and a client that missed
   * it catches up through `resume` or history.
   */
  async broadcast(event: BusEvent, exceptSocketId?: string): Promise<void> {
    this.delivery.deliverLocally(event, exceptSocketId);

    try {
      await lastValueFrom(this.client.emit(channels.messages, event), { defaultValue: undefined });
    } catch (error) {
      this.logger.warn(`Publishing a ${event.type} event on MESSAGES failed: ${String(error)}`);
    }
  }

  receive(payload: unknown): void {
    const event = readBusEvent(payload, this.config.serverId);
    if (event === 'own') return;
    if (event === null) {
      this.logger.debug(`Ignored an envelope on MESSAGES: ${describe(payload)}`);

      return;
    }

    this.delivery.deliverLocally(event);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }
}

function describe(payload: unknown): string {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload);

  return (text ?? String(payload)).slice(0, 200);
}
