import { Logger, ValidationPipe, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import { randomUUID } from 'node:crypto';
import { AppModule } from './app.module.js';
import type { AppConfig, RuntimeConfig } from './config/app-config.js';
import { resolveSessionSecret } from './config/session-secret.js';
import {
  DEFAULT_REDIS_HOST,
  DEFAULT_REDIS_PORT,
  answersPing,
  startEmbeddedRedis,
  type EmbeddedRedis,
} from './redis/embedded-redis.js';

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
export async function prepareRuntime(config: AppConfig): Promise<PreparedRuntime> {
  const logger = new Logger('Bootstrap');
  const sessionSecret = resolveSessionSecret(config.sessionSecret, config.dataDir);
  const runtime = (redisUrl: string): RuntimeConfig => ({
    ...config,
    redisUrl,
    sessionSecret,
    serverId: randomUUID(),
  });

  if (config.redisUrl !== undefined) return { config: runtime(config.redisUrl) };

  if (await answersPing(DEFAULT_REDIS_HOST, DEFAULT_REDIS_PORT)) {
    logger.log(
      `REDIS_URL is not set; using the Redis on ${DEFAULT_REDIS_HOST}:${DEFAULT_REDIS_PORT}`,
    );

    return { config: runtime(`redis://${DEFAULT_REDIS_HOST}:${DEFAULT_REDIS_PORT}`) };
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

  app.setGlobalPrefix('api');
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.use(cookieParser());
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
  app.enableCors({ origin: config.allowedOrigins, credentials: true });

  return app;
}
