import type { Deserializer, IncomingEvent, RedisOptions, Serializer } from '@nestjs/microservices';
import { Transport } from '@nestjs/microservices';
import { channels } from '../../../redis/redis-keys.js';
import type { BusEvent } from './bus-envelope.js';

/**
 * Writes what the publisher emits (`{pattern, data: {type, data}}`) as the tutorial's envelope
 * `{serverId, type, data}`: Nest's own packet fields never reach the wire.
 */
export class EnvelopeSerializer implements Serializer {
  constructor(private readonly serverId: string) {}

  serialize(packet: { data: BusEvent }): unknown {
    return { serverId: this.serverId, type: packet.data.type, data: packet.data.data };
  }
}

/**
 * Hands every payload on MESSAGES to the one event handler of that channel, whatever its shape;
 * the handler checks it. Without an `id` Nest treats it as an event and expects no reply.
 */
export class EnvelopeDeserializer implements Deserializer {
  deserialize(value: unknown, options?: { channel?: string }): IncomingEvent {
    return { pattern: options?.channel ?? channels.messages, data: value };
  }
}

/** Redis transport options for the MESSAGES bus, from a `redis://` or `rediss://` URL. */
export function busTransportOptions(redisUrl: string, serverId: string): Required<RedisOptions> {
  const url = new URL(redisUrl);
  const database = url.pathname.replace(/^\//, '');

  return {
    transport: Transport.REDIS,
    options: {
      host: url.hostname,
      port: url.port === '' ? 6379 : Number(url.port),
      ...(url.username !== '' ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password !== '' ? { password: decodeURIComponent(url.password) } : {}),
      ...(database !== '' ? { db: Number(database) } : {}),
      ...(url.protocol === 'rediss:' ? { tls: {} } : {}),
      // Keep trying while Redis is away; the transport gives up for good otherwise.
      retryAttempts: Number.MAX_SAFE_INTEGER,
      retryDelay: 1000,
      serializer: new EnvelopeSerializer(serverId),
      deserializer: new EnvelopeDeserializer(),
    },
  };
}
