import { Logger, type INestApplication } from '@nestjs/common';
import { createApp, prepareRuntime } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import type { EmbeddedRedis } from './redis/embedded-redis.js';

const logger = new Logger('Main');

let app: INestApplication | undefined;
let embeddedRedis: EmbeddedRedis | undefined;

async function start(): Promise<void> {
  const prepared = await prepareRuntime(loadConfig());
  embeddedRedis = prepared.embeddedRedis;
  const { config } = prepared;

  app = await createApp(config);
  await app.listen(config.port);
  logger.log(`redis-chat is listening on ${await app.getUrl()} (server id ${config.serverId})`);
}

/** Closes the app (sockets, Redis connections), then the Redis this process started, if any. */
async function stop(): Promise<void> {
  try {
    await app?.close();
  } finally {
    await embeddedRedis?.stop();
  }
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.log(`Received ${signal}; shutting down`);
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error('Shutdown failed', error instanceof Error ? error.stack : String(error));
        process.exit(1);
      },
    );
  });
}

start().catch(async (error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    logger.error('Start-up failed', error instanceof Error ? error.stack : String(error));
  }
  await stop().catch(() => undefined);
  process.exit(1);
});
