import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { RedisAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import type { Namespace, Server, ServerOptions } from 'socket.io';
import type { RuntimeConfig } from '../../config/app-config.js';
import { closeRedis, openRedis } from '../../redis/redis-connection.js';
import { isAllowedOrigin } from './socket-handshake.js';

/** Largest socket frame accepted; a chat event is far smaller, even at the longest text. */
export const MAX_SOCKET_FRAME_BYTES = 32 * 1024;

/**
 * Socket.IO on the HTTP server, with @socket.io/redis-adapter on its own pub/sub pair so that
 * socket management (joining sockets to rooms, disconnecting a user's sockets) reaches every
 * instance. Chat events do not travel through it: they go over the MESSAGES bus.
 */
export class RedisIoAdapter extends IoAdapter {
  private publisher?: Redis;
  private subscriber?: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly config: RuntimeConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const allowedOrigins = this.config.allowedOrigins;
    // Socket.IO's options type has required fields that the spread of optional ones loses.
    const ioOptions = {
      ...options,
      maxHttpBufferSize: MAX_SOCKET_FRAME_BYTES,
      cors: { origin: allowedOrigins, credentials: true },
      allowRequest: (request, callback) => {
        const allowed = isAllowedOrigin(request, allowedOrigins);
        callback(allowed ? null : 'Origin not allowed', allowed);
      },
    } as ServerOptions;
    const server = super.createIOServer(port, ioOptions);

    this.publisher = openRedis(this.config.redisUrl, 'socket.io-pub');
    this.subscriber = openRedis(this.config.redisUrl, 'socket.io-sub');
    const { publisher, subscriber } = this;
    server.adapter(
      class extends RedisAdapter {
        constructor(namespace: Namespace) {
          super(namespace, publisher, subscriber);
        }

        // Closing only unsubscribes, which is pointless as the pair is closed next; with Redis
        // away those commands would fail where no one observes them.
        override close(): void {}
      },
    );

    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    for (const client of [this.subscriber, this.publisher]) {
      if (client !== undefined) await closeRedis(client);
    }
  }
}
