import type { INestApplication } from '@nestjs/common';
import { compare } from 'bcrypt';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { TestRedisServer } from './support/redis-server.js';
import { startTestApp } from './support/test-app.js';

describe('Foundation', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  const apps: INestApplication[] = [];

  beforeEach(async () => {
    redisServer = await TestRedisServer.start();
    redis = redisServer.client();
  });

  afterEach(async () => {
    await Promise.all(apps.splice(0).map((app) => app.close()));
    await redis.quit();
    await redisServer.stop();
  });

  async function start(): Promise<string> {
    const { app, url } = await startTestApp(redisServer.url);
    apps.push(app);

    return url;
  }

  it('should seed the demo data of the tutorial schema on an empty Redis', async () => {
    await start();

    const pablo = await redis.hgetall('user:1');
    expect(pablo.username).toBe('Pablo');
    expect(await compare('password123', pablo.password)).toBe(true);
    expect(await redis.get('username:Pablo')).toBe('user:1');
    expect(await redis.hget('user:4', 'username')).toBe('Alex');
    expect(await redis.get('total_users')).toBe('4');
    expect(await redis.get('room:0:name')).toBe('General');
    expect(await redis.zcard('room:0')).toBe(5);
    expect((await redis.smembers('user:1:rooms')).sort()).toEqual(['0', '1:2', '1:3', '1:4']);
    expect((await redis.smembers('user:3:rooms')).sort()).toEqual(['0', '1:3', '2:3', '3:4']);
  });

  it('should store demo messages as the tutorial JSON, spaced minutes apart before start-up', async () => {
    const startedAt = Date.now() / 1000;
    await start();

    const entries = await redis.zrange('room:0', 0, -1, 'WITHSCORES');
    const messages = entries
      .filter((_, index) => index % 2 === 0)
      .map((member) => JSON.parse(member) as Record<string, unknown>);
    const dates = messages.map((message) => message.date as number);

    expect(messages[0]).toEqual({
      id: 1,
      from: 1,
      date: expect.any(Number),
      message: expect.any(String),
      roomId: '0',
    });
    expect(messages.map((message) => message.id)).toEqual([1, 2, 3, 4, 5]);
    expect(dates[4]).toBeLessThan(startedAt);
    expect(dates[4]).toBeGreaterThan(startedAt - 5 * 60);
    for (let index = 1; index < dates.length; index++) {
      expect(dates[index] - dates[index - 1]).toBeGreaterThanOrEqual(60);
    }
    expect(Number(entries[1])).toBeCloseTo(dates[0], 3);

    const privateRoom = (await redis.zrange('room:1:2', 0, -1)).map(
      (member) => JSON.parse(member) as { from: number },
    );
    expect(privateRoom.map((message) => message.from)).toEqual([1, 2]);
    // Each sender has read their own message, so only the other side's counts as unread.
    expect(await redis.hgetall('room:1:2:read_markers')).toEqual({ '1': '1', '2': '2' });
    expect(await redis.hget('room:0:read_markers', '1')).toBe('5');
  });

  it('should seed exactly once when three instances start at the same moment', async () => {
    await Promise.all([start(), start(), start()]);

    expect(await redis.get('total_users')).toBe('4');
    expect(await redis.zcard('room:0')).toBe(5);
    expect(await redis.zcard('room:1:2')).toBe(2);
    expect(await redis.keys('user:5*')).toEqual([]);
  });

  it('should leave existing data alone on a restart', async () => {
    await start();
    await redis.hset('user:1', 'username', 'Pablo');
    await redis.zadd('room:0', 1, '{"from":1,"date":1,"message":"kept","roomId":"0"}');
    await Promise.all(apps.splice(0).map((app) => app.close()));

    await start();

    expect(await redis.get('total_users')).toBe('4');
    expect(await redis.zcard('room:0')).toBe(6);
  });

  it('should answer health and readiness, and report Redis going away', async () => {
    const url = await start();

    await request(url).get('/api/health').expect(200, { status: 'ok' });
    await request(url).get('/api/ready').expect(200, { status: 'ready' });

    await redisServer.kill();

    await request(url).get('/api/health').expect(200);
    const ready = await request(url).get('/api/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ statusCode: 503, message: expect.stringMatching(/Redis/) });
  });
});
