import { jest } from '@jest/globals';
import { Logger, type INestApplication } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { TestRedisServer } from './support/redis-server.js';
import { startTestApp } from './support/test-app.js';

describe('Eviction policy check', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let app: INestApplication | undefined;
  const warn = jest.spyOn(Logger.prototype, 'warn');

  beforeEach(async () => {
    redisServer = await TestRedisServer.start();
    redis = redisServer.client();
    warn.mockClear();
  });

  afterEach(async () => {
    await app?.close();
    await redis.quit();
    await redisServer.stop();
  });

  afterAll(() => warn.mockRestore());

  function evictionWarnings(): string[] {
    return warn.mock.calls
      .map(([message]) => String(message))
      .filter((m) => m.includes('maxmemory'));
  }

  it('should warn at start when Redis may evict chat data', async () => {
    await redis.config('SET', 'maxmemory-policy', 'allkeys-lru');

    ({ app } = await startTestApp(redisServer.url));

    expect(evictionWarnings()).toEqual([expect.stringContaining('"allkeys-lru"')]);
  });

  it('should stay quiet with noeviction', async () => {
    await redis.config('SET', 'maxmemory-policy', 'noeviction');

    ({ app } = await startTestApp(redisServer.url));

    expect(evictionWarnings()).toEqual([]);
  });
});
