import type { INestApplication } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '../src/redis/embedded-redis.js';
import { TestRedisServer } from './support/redis-server.js';
import {
  connectClient,
  eventually,
  nextEvent,
  record,
  sessionFor,
  type ChatClient,
} from './support/socket-client.js';
import { startTestApp, TEST_SESSION_SECRET } from './support/test-app.js';

const PABLO = 1;
const JOE = 2;
const MARY = 3;
const ALEX = 4;

/** A short liveness bound for tests; production uses 15 s. */
const PRESENCE_TTL_MS = 2_000;

describe('Presence', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let a: { app: INestApplication; url: string };
  let b: { app: INestApplication; url: string };
  const clients: ChatClient[] = [];

  beforeEach(async () => {
    redisServer = await TestRedisServer.start();
    redis = redisServer.client();
    a = await startTestApp(redisServer.url, { presenceTtlMs: PRESENCE_TTL_MS });
    b = await startTestApp(redisServer.url, { presenceTtlMs: PRESENCE_TTL_MS });
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await Promise.all([a.app.close(), b.app.close()]);
    await redis.quit();
    await redisServer.stop();
  });

  async function connect(url: string, token: string): Promise<ChatClient> {
    const client = await connectClient(url, token);
    clients.push(client);

    return client;
  }

  const isOnline = async (userId: number) =>
    (await redis.sismember('online_users', String(userId))) === 1;

  it('should keep a user online while any tab is open and announce them once each way', async () => {
    const pablo = await connect(a.url, await sessionFor(a.app, PABLO));
    const mary = await connect(b.url, await sessionFor(b.app, MARY));
    const seenBy = [pablo, mary].map((observer) => ({
      connected: record(observer, 'user:connected'),
      disconnected: record(observer, 'user:disconnected'),
    }));
    const joeToken = await sessionFor(a.app, JOE);

    const joeAnnounced = nextEvent(mary, 'user:connected', (user) => user.id === JOE);
    const firstTab = await connect(a.url, joeToken);
    await joeAnnounced;
    const secondTab = await connect(b.url, joeToken);
    await eventually(async () => (await redis.scard('user:2:connections')) === 2);
    firstTab.close();
    await eventually(async () => (await redis.scard('user:2:connections')) === 1);

    expect(await isOnline(JOE)).toBe(true);

    const goneOnA = nextEvent(pablo, 'user:disconnected', (user) => user.id === JOE);
    const goneOnB = nextEvent(mary, 'user:disconnected', (user) => user.id === JOE);
    secondTab.close();
    await Promise.all([goneOnA, goneOnB]);

    expect(await isOnline(JOE)).toBe(false);
    expect(Number(await redis.hget('last_seen', String(JOE)))).toBeGreaterThan(
      Date.now() / 1000 - 60,
    );
    for (const seen of seenBy) {
      expect(seen.connected.filter((user) => user.id === JOE)).toHaveLength(1);
      expect(seen.disconnected.filter((user) => user.id === JOE)).toEqual([
        { id: JOE, username: 'Joe', online: false },
      ]);
    }
  });

  it('should remove the connections of an instance on graceful shutdown', async () => {
    const pablo = await connect(a.url, await sessionFor(a.app, PABLO));
    await connect(b.url, await sessionFor(b.app, JOE));
    await eventually(() => isOnline(JOE));

    const gone = nextEvent(pablo, 'user:disconnected', (user) => user.id === JOE);
    await b.app.close();
    await gone;

    expect(await isOnline(JOE)).toBe(false);
    b = await startTestApp(redisServer.url, { presenceTtlMs: PRESENCE_TTL_MS });
  });

  describe('when an instance is killed', () => {
    const distMain = resolve('dist/main.js');
    let child: ChildProcess | undefined;
    let dataDir: string;

    beforeEach(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'redis-chat-presence-'));
    });

    afterEach(() => {
      child?.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('should stop counting its users within the liveness bound', async () => {
      if (!existsSync(distMain))
        throw new Error('Run `npm run build` first: dist/main.js is missing');
      const port = await findFreePort();
      child = spawn(process.execPath, [distMain], {
        env: {
          ...process.env,
          REDIS_URL: redisServer.url,
          PORT: String(port),
          SESSION_SECRET: TEST_SESSION_SECRET,
          BCRYPT_COST: '10',
          LOG_LEVEL: 'warn',
          DATA_DIR: dataDir,
          PRESENCE_TTL_MS: String(PRESENCE_TTL_MS),
        },
        stdio: 'ignore',
      });
      const childUrl = `http://127.0.0.1:${port}`;
      await eventually(
        () =>
          fetch(`${childUrl}/api/health`).then(
            (r) => r.ok,
            () => false,
          ),
        15_000,
        'the child instance to listen',
      );
      const pablo = await connect(a.url, await sessionFor(a.app, PABLO));
      await connect(childUrl, await sessionFor(a.app, ALEX));
      await eventually(() => isOnline(ALEX));

      const announced = nextEvent(pablo, 'user:disconnected', (user) => user.id === ALEX, 10_000);
      const killedAt = Date.now();
      child.kill('SIGKILL');
      // The bound: the liveness key lapses after the TTL; a sweep follows within a third of it.
      await eventually(async () => !(await isOnline(ALEX)), PRESENCE_TTL_MS * 2, 'Alex offline');
      const elapsed = Date.now() - killedAt;
      await announced;

      expect(elapsed).toBeLessThan(PRESENCE_TTL_MS * (4 / 3) + 500);
      expect(await redis.scard('user:4:connections')).toBe(0);
    });
  });
});
