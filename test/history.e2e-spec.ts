import type { INestApplication } from '@nestjs/common';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { MessagesRepository } from '../src/modules/messaging/messages.repository.js';
import type { ChatMessage, MessagePage } from '../src/shared/chat-events.js';
import { TestRedisServer } from './support/redis-server.js';
import { signIn, type TestSession } from './support/session-client.js';
import { startTestApp } from './support/test-app.js';

describe('History API', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let app: INestApplication;
  let url: string;
  let pablo: TestSession;

  beforeEach(async () => {
    redisServer = await TestRedisServer.start();
    redis = redisServer.client();
    ({ app, url } = await startTestApp(redisServer.url));
    pablo = await signIn(url, 'Pablo');
  });

  afterEach(async () => {
    await app.close();
    await redis.quit();
    await redisServer.stop();
  });

  async function page(roomId: string, query: string): Promise<MessagePage> {
    const response = await request(url)
      .get(`/api/rooms/${roomId}/messages${query}`)
      .set('Authorization', `Bearer ${pablo.token}`)
      .expect(200);

    return response.body as MessagePage;
  }

  async function appendGeneral(count: number): Promise<void> {
    const messages = app.get(MessagesRepository);
    for (let index = 0; index < count; index++) {
      await messages.appendMessage({ roomId: '0', from: 1 + (index % 4), text: `note ${index}` });
    }
  }

  it('should return the newest messages oldest first, with exactly the asked number', async () => {
    await appendGeneral(6);

    const newest = await page('0', '?limit=3');

    expect(newest.messages.map((message) => message.id)).toEqual([9, 10, 11]);
    expect(newest.hasMore).toBe(true);
    expect((await page('0', '')).messages).toHaveLength(11);
    expect((await page('0', '')).hasMore).toBe(false);
  });

  it('should walk back through General in pages of 2, every message once and in order', async () => {
    await appendGeneral(6);
    const seen: ChatMessage[] = [];

    let current = await page('0', '?limit=2');
    seen.unshift(...current.messages);
    while (current.hasMore) {
      expect(current.messages).toHaveLength(2);
      current = await page('0', `?limit=2&before=${current.messages[0].id}`);
      seen.unshift(...current.messages);
    }

    expect(seen.map((message) => message.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(current.hasMore).toBe(false);
    expect(await page('0', '?limit=2&before=1')).toEqual({ messages: [], hasMore: false });
  });

  it('should walk forward with after, every message once and in order', async () => {
    await appendGeneral(6);
    const seen: ChatMessage[] = [];

    let current = await page('0', '?limit=2&after=1');
    seen.push(...current.messages);
    while (current.hasMore) {
      current = await page('0', `?limit=2&after=${current.messages.at(-1)?.id}`);
      seen.push(...current.messages);
    }

    expect(seen.map((message) => message.id)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(current.messages).toHaveLength(2);
    expect(await page('0', '?limit=2&after=11')).toEqual({ messages: [], hasMore: false });
  });

  it('should keep two identical messages stored in the same second as two messages', async () => {
    const messages = app.get(MessagesRepository);
    const dateMs = 1_900_000_000_000;
    await messages.appendMessage({ roomId: '1:2', from: 1, text: 'same', dateMs });
    await messages.appendMessage({ roomId: '1:2', from: 1, text: 'same', dateMs });

    const history = await page('1:2', '');

    const same = history.messages.filter((message) => message.message === 'same');
    expect(same).toHaveLength(2);
    expect(same[0].id).not.toBe(same[1].id);
    expect(await redis.zcard('room:1:2')).toBe(4);
  });

  it('should include messages written without an id by a tutorial server', async () => {
    const tutorial = { from: 2, date: 1_900_000_000, message: 'from the tutorial', roomId: '0' };
    await redis.zadd('room:0', tutorial.date, JSON.stringify(tutorial));
    await appendGeneral(1);

    const history = await page('0', '?limit=3');

    expect(history.messages.map((message) => message.message)).toEqual([
      expect.any(String),
      'from the tutorial',
      'note 0',
    ]);
    expect(history.messages[1]).toEqual(tutorial);
  });

  it.each([
    ['?before=999', /message/],
    ['?limit=0', /limit/],
    ['?limit=101', /limit/],
    ['?limit=abc', /limit/],
    ['?before=1&after=2', /either/],
    ['?before=-1', /before/],
    ['?cursor=1', /cursor/],
  ])('should answer %s with a readable 400', async (query, message) => {
    const response = await request(url)
      .get(`/api/rooms/0/messages${query}`)
      .set('Authorization', `Bearer ${pablo.token}`)
      .expect(400);

    expect(response.body).toMatchObject({ statusCode: 400, message });
  });

  it('should refuse room ids that could not name a room', async () => {
    for (const roomId of ['abc', '01', '1:2:3', 'room*']) {
      await request(url)
        .get(`/api/rooms/${encodeURIComponent(roomId)}/messages`)
        .set('Authorization', `Bearer ${pablo.token}`)
        .expect(400);
    }
  });
});
