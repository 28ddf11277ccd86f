import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findFreePort } from '../src/redis/embedded-redis.js';
import { PABLO, JOE, MARY, ALEX, ChatCluster, type TestInstance } from './support/chat-cluster.js';
import { eventually, nextEvent, record, sessionFor } from './support/socket-client.js';
import { TEST_SESSION_SECRET } from './support/test-app.js';

/** A short liveness bound for tests; production uses 15 s. */
const PRESENCE_TTL_MS = 2_000;

describe('Presence', () => {
  let cluster: ChatCluster;
  let a: TestInstance;
  let b: TestInstance;

  beforeEach(async () => {
    cluster = await ChatCluster.start({ config: { presenceTtlMs: PRESENCE_TTL_MS } });
    [a, b] = cluster.instances;
  });

  afterEach(() => cluster.close());

  const isOnline = async (userId: number) =>
    (await cluster.redis.sismember('online_users', String(userId))) === 1;

  it('should keep a user online while any tab is open and announce them once each way', async () => {
    const pablo = await cluster.connect(a, PABLO);
    const mary = await cluster.connect(b, MARY);
    const seenBy = [pablo, mary].map((observer) => ({
      connected: record(observer, 'user:connected'),
      disconnected: record(observer, 'user:disconnected'),
    }));
    const joeToken = await sessionFor(a.app, JOE);

    const joeAnnounced = nextEvent(mary, 'user:connected', (user) => user.id === JOE);
    const firstTab = await cluster.connectWithToken(a.url, joeToken);
    await joeAnnounced;
    const secondTab = await cluster.connectWithToken(b.url, joeToken);
    await eventually(async () => (await cluster.redis.scard('user:2:connections')) === 2);
    firstTab.close();
    await eventually(async () => (await cluster.redis.scard('user:2:connections')) === 1);

    expect(await isOnline(JOE)).toBe(true);

    const goneOnA = nextEvent(pablo, 'user:disconnected', (user) => user.id === JOE);
    const goneOnB = nextEvent(mary, 'user:disconnected', (user) => user.id === JOE);
    secondTab.close();
    await Promise.all([goneOnA, goneOnB]);

    expect(await isOnline(JOE)).toBe(false);
    expect(Number(await cluster.redis.hget('last_seen', String(JOE)))).toBeGreaterThan(
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
    const pablo = await cluster.connect(a, PABLO);
    await cluster.connect(b, JOE);
    await eventually(() => isOnline(JOE));

    const gone = nextEvent(pablo, 'user:disconnected', (user) => user.id === JOE);
    await cluster.stop(b);
    await gone;

    expect(await isOnline(JOE)).toBe(false);
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
          REDIS_URL: cluster.server.url,
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
      const pablo = await cluster.connect(a, PABLO);
      await cluster.connectWithToken(childUrl, await sessionFor(a.app, ALEX));
      await eventually(() => isOnline(ALEX));

      const announced = nextEvent(pablo, 'user:disconnected', (user) => user.id === ALEX, 10_000);
      const killedAt = Date.now();
      child.kill('SIGKILL');
      // The bound: the liveness key lapses after the TTL; a sweep follows within a third of it.
      await eventually(async () => !(await isOnline(ALEX)), PRESENCE_TTL_MS * 2, 'Alex offline');
      const elapsed = Date.now() - killedAt;
      await announced;

      expect(elapsed).toBeLessThan(PRESENCE_TTL_MS * (4 / 3) + 500);
      expect(await cluster.redis.scard('user:4:connections')).toBe(0);
    });
  });
});
