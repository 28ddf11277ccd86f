import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import request from 'supertest';
import { createApp, prepareRuntime } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/app-config.js';
import {
  answersPing,
  findFreePort,
  RedisNotInstalledError,
  startEmbeddedRedis,
} from '../src/redis/embedded-redis.js';

describe('Embedded Redis', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'redis-chat-data-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Starts the app the way `npm start` does, with nothing answering on the default address. */
  async function startWithoutRedis() {
    const nothingThere = { host: '127.0.0.1', port: await findFreePort() };
    const config = loadConfig({ DATA_DIR: dataDir, BCRYPT_COST: '10', LOG_LEVEL: 'error' });
    const prepared = await prepareRuntime(config, nothingThere);
    const app = await createApp(prepared.config);
    await app.listen(0, '127.0.0.1');

    return { app, prepared, url: await app.getUrl() };
  }

  it('should start redis-server with persistence and noeviction, stop it, and keep the data', async () => {
    const first = await startWithoutRedis();
    const embedded = first.prepared.embeddedRedis;
    expect(embedded).toBeDefined();

    await request(first.url).get('/api/health').expect(200);
    const redis = new Redis(embedded!.url);
    expect(await redis.hget('user:1', 'username')).toBe('Pablo');
    expect(await redis.config('GET', 'appendonly')).toEqual(['appendonly', 'yes']);
    expect(await redis.config('GET', 'maxmemory-policy')).toEqual([
      'maxmemory-policy',
      'noeviction',
    ]);
    await redis.set('kept-across-restarts', 'yes');
    await redis.quit();

    await first.app.close();
    await embedded!.stop();
    expect(await answersPing('127.0.0.1', embedded!.port)).toBe(false);

    const second = await startWithoutRedis();
    const again = new Redis(second.prepared.embeddedRedis!.url);
    expect(await again.get('kept-across-restarts')).toBe('yes');
    expect(await again.get('total_users')).toBe('4');
    await again.quit();
    await second.app.close();
    await second.prepared.embeddedRedis!.stop();
  });

  it('should keep the generated session secret across restarts', async () => {
    const config = loadConfig({ DATA_DIR: dataDir, REDIS_URL: 'redis://127.0.0.1:1' });

    const first = await prepareRuntime(config);
    const second = await prepareRuntime(config);

    expect(first.config.sessionSecret).toHaveLength(64);
    expect(second.config.sessionSecret).toBe(first.config.sessionSecret);
  });

  it('should say how to install Redis or point at one when redis-server is missing', async () => {
    const failure = startEmbeddedRedis(dataDir, { executable: join(dataDir, 'redis-server') });

    await expect(failure).rejects.toThrow(RedisNotInstalledError);
    await expect(failure).rejects.toThrow(/apt-get install redis-server[\s\S]*REDIS_URL=/);
  });
});
