import { Logger, ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module.js';
import { busTransportOptions } from './modules/messaging/bus/bus-transport.js';
import { RedisIoAdapter } from './modules/messaging/redis-io.adapter.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { serveClient } from './client/static-client.js';
import type { AppConfig, RuntimeConfig } from './config/app-config.js';
import { resolveSessionSecret } from './config/session-secret.js';
import {
  DEFAULT_REDIS_HOST,
  DEFAULT_REDIS_PORT,
  answersPing,
  startEmbeddedRedis,
  type EmbeddedRedis,
} from './redis/embedded-redis.js';
import { setupSwagger } from './swagger/swagger.js';

/** Largest JSON body the REST API accepts; chat requests are small. */
export const BODY_LIMIT = '16kb';

export interface PreparedRuntime {
  config: RuntimeConfig;
  /** Set when this process started its own redis-server and must stop it on exit. */
  embeddedRedis?: EmbeddedRedis;
}

/**
 * Settles what the environment left open: which Redis to use (starting one when none is
 * configured or running) and the session secret.
 */
export async function prepareRuntime(
  config: AppConfig,
  defaultRedis = { host: DEFAULT_REDIS_HOST, port: DEFAULT_REDIS_PORT },
): Promise<PreparedRuntime> {
  const logger = new Logger('Bootstrap');
  const sessionSecret = resolveSessionSecret(config.sessionSecret, config.dataDir);
  const runtime = (redisUrl: string): RuntimeConfig => ({
    ...config,
    redisUrl,
    sessionSecret,
    serverId: randomUUID(),
  });

  if (config.redisUrl !== undefined) return { config: runtime(config.redisUrl) };

  const { host, port } = defaultRedis;
  if (await answersPing(host, port)) {
    logger.log(`REDIS_URL is not set; using the Redis that answers on ${host}:${port}`);

    return { config: runtime(`redis://${host}:${port}`) };
  }

  logger.log('REDIS_URL is not set and no Redis answers on the default port; starting one');
  const embeddedRedis = await startEmbeddedRedis(config.dataDir);

  return { config: runtime(embeddedRedis.url), embeddedRedis };
}

/** Builds the whole application on a settled configuration; the caller decides when to listen. */
export async function createApp(config: RuntimeConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: config.logLevels,
    bodyParser: false,
  });

  if (config.trustProxy !== undefined) app.set('trust proxy', config.trustProxy);
  app.setGlobalPrefix('api');
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(cookieParser());
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  app.useGlobalFilters(new HttpExceptionFilter());
  app.enableCors({ origin: config.allowedOrigins, credentials: true });
  app.useWebSocketAdapter(new RedisIoAdapter(app, config));
  // The MESSAGES bus between instances: subscribed here, published through MessagesBus.
  app.connectMicroservice(busTransportOptions(config.redisUrl, config.serverId));
  await app.startAllMicroservices();
  setupSwagger(app);
  serveClient(app);

  return app;
}
