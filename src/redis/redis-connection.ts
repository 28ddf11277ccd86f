import { Logger } from '@nestjs/common';
import { Redis } from 'ioredis';
import { defineScripts } from './redis-scripts.js';

/**
 * Opens a client that retries with a capped back-off while Redis is away, and that queues
 * commands meanwhile only for a short time: a request fails fast instead of hanging.
 */
export function openRedis(url: string, name: string): Redis {
  const logger = new Logger(`Redis:${name}`);
  const client = new Redis(url, {
    connectionName: `redis-chat:${name}`,
    maxRetriesPerRequest: 3,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    lazyConnect: false,
  });
  defineScripts(client);

  client.on('error', (error: Error) => logger.warn(`Connection problem: ${error.message}`));
  client.on('reconnecting', () => logger.warn('Reconnecting to Redis'));

  return client;
}

/** Closes a client, waiting for replies in flight; forces the socket shut if Redis is gone. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status === 'end') return;

  try {
    await client.quit();
  } catch (error) {
    new Logger('Redis').warn(`Closing a connection failed, dropping it: ${String(error)}`);
    client.disconnect();
  }
}

/** A second connection to the same server, for WATCH or blocking commands, with the scripts. */
export function duplicateRedis(client: Redis): Redis {
  const connection = client.duplicate();
  defineScripts(connection);

  return connection;
}
