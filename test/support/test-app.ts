import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { createApp } from '../../src/bootstrap.js';
import { loadConfig, type RuntimeConfig } from '../../src/config/app-config.js';
import { DomainEvents, type DomainEventMap } from '../../src/events/domain-events.js';

/** One secret for every instance of a test, as several hosts would share SESSION_SECRET. */
export const TEST_SESSION_SECRET = 'test-session-secret-that-is-long-enough-0123456789';

export function testConfig(
  redisUrl: string,
  overrides: Partial<RuntimeConfig> = {},
): RuntimeConfig {
  return {
    ...loadConfig({ BCRYPT_COST: '10', LOG_LEVEL: 'warn', DATA_DIR: tmpdir() }),
    redisUrl,
    sessionSecret: TEST_SESSION_SECRET,
    serverId: randomUUID(),
    port: 0,
    ...overrides,
  };
}

/** Starts an app instance listening on a free port of 127.0.0.1. */
export async function startTestApp(
  redisUrl: string,
  overrides: Partial<RuntimeConfig> = {},
): Promise<{ app: INestApplication; url: string }> {
  const app = await createApp(testConfig(redisUrl, overrides));
  await app.listen(0, '127.0.0.1');

  return { app, url: await app.getUrl() };
}

/** Records every payload of one domain event the app publishes from now on. */
export function collectEvents<K extends keyof DomainEventMap>(
  app: INestApplication,
  name: K,
): DomainEventMap[K][] {
  const seen: DomainEventMap[K][] = [];
  app
    .get(DomainEvents)
    .on(name)
    .subscribe((payload) => seen.push(payload));

  return seen;
}
