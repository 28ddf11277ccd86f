import { Logger } from '@nestjs/common';
import { createApp, prepareRuntime } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/app-config.js';

async function main(): Promise<void> {
  const logger = new Logger('Main');
  const { config, embeddedRedis } = await prepareRuntime(loadConfig());
  const app = await createApp(config);
  await app.listen(config.port);
  logger.log(`redis-chat is listening on ${await app.getUrl()} (server id ${config.serverId})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`Received ${signal}; shutting down`);

    await app.close();
    await embeddedRedis?.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, (received) => void stop(received));
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    new Logger('Main').error(
      'Start-up failed',
      error instanceof Error ? error.stack : String(error),
    );
  }
  process.exit(1);
});
