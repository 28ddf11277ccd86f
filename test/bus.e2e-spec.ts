import type { INestApplication } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { TestRedisServer } from './support/redis-server.js';
import {
  clientMessageId,
  connectClient,
  nextEvent,
  record,
  requestOk,
  sessionFor,
  type ChatClient,
} from './support/socket-client.js';
import { startTestApp } from './support/test-app.js';

const PABLO = 1;
const JOE = 2;
const MARY = 3;

/** What a server written to the tutorial does to post a message: write it, then announce it. */
async function postLikeTheTutorial(redis: Redis, data: Record<string, unknown>): Promise<void> {
  await redis.zadd(`room:${String(data.roomId)}`, Number(data.date), JSON.stringify(data));
  await redis.publish('MESSAGES', JSON.stringify({ serverId: 4132, type: 'message', data }));
}

describe('MESSAGES bus', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let a: { app: INestApplication; url: string };
  let b: { app: INestApplication; url: string };
  const clients: ChatClient[] = [];
  const listeners: Redis[] = [];

  beforeEach(async () => {
    redisServer = await TestRedisServer.start();
    redis = redisServer.client();
    a = await startTestApp(redisServer.url);
    b = await startTestApp(redisServer.url);
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await Promise.all([a.app.close(), b.app.close()]);
    await Promise.all([...listeners.splice(0), redis].map((client) => client.quit()));
    await redisServer.stop();
  });

  async function connect(instance: { app: INestApplication; url: string }, userId: number) {
    const client = await connectClient(instance.url, await sessionFor(instance.app, userId));
    clients.push(client);

    return client;
  }

  /** A plain subscriber on MESSAGES, as a tutorial server has; resolves once subscribed. */
  async function listen(): Promise<unknown[]> {
    const listener = redisServer.client();
    listeners.push(listener);
    const envelopes: unknown[] = [];
    listener.on('message', (_channel: string, text: string) => envelopes.push(JSON.parse(text)));
    await listener.subscribe('MESSAGES');

    return envelopes;
  }

  it('should deliver what a tutorial server publishes to the members of that room on every instance', async () => {
    const pabloOnA = await connect(a, PABLO);
    const joeOnB = await connect(b, JOE);
    const mary = await connect(b, MARY);
    const marySaw = record(mary, 'message:new');
    const date = Date.now() / 1000;
    const inGeneral = { from: '3', date, message: 'From the old server', roomId: '0' };
    const inPrivate = { from: 2, date, message: 'Just for Pablo', roomId: '1:2' };

    const generalArrived = Promise.all(
      [pabloOnA, joeOnB, mary].map((client) =>
        nextEvent(client, 'message:new', (message) => message.message === inGeneral.message),
      ),
    );
    const privateArrived = nextEvent(pabloOnA, 'message:new', (m) => m.roomId === '1:2');
    await postLikeTheTutorial(redis, inPrivate);
    await postLikeTheTutorial(redis, inGeneral);

    expect(await privateArrived).toEqual(inPrivate);
    for (const message of await generalArrived) expect(message).toEqual({ ...inGeneral, from: 3 });
    expect(marySaw.map((message) => message.roomId)).toEqual(['0']);
  });

  it('should publish our messages and presence on MESSAGES in the tutorial envelope', async () => {
    const envelopes = await listen();
    const pablo = await connect(a, PABLO);

    const sent = await requestOk(pablo, 'message:send', {
      roomId: '0',
      text: 'Hello tutorial servers',
      clientMessageId: clientMessageId(),
    });
    const joeArrived = nextEvent(pablo, 'user:connected', (user) => user.id === JOE);
    await connect(b, JOE);
    await joeArrived;

    expect(envelopes).toContainEqual({ serverId: expect.any(String), type: 'message', data: sent });
    expect(envelopes).toContainEqual({
      serverId: expect.any(String),
      type: 'user.connected',
      data: { id: PABLO, username: 'Pablo', online: true },
    });
    const announcedBy = (type: string, id: number) =>
      envelopes.find((envelope) => {
        const { type: kind, data } = envelope as { type: string; data: { id?: number } };

        return kind === type && data.id === id;
      }) as { serverId: string };
    expect(announcedBy('user.connected', PABLO).serverId).not.toBe(
      announcedBy('user.connected', JOE).serverId,
    );
  });

  it('should ignore malformed and unknown envelopes and keep delivering', async () => {
    const pablo = await connect(a, PABLO);
    const joe = await connect(b, JOE);
    const joeSaw = record(joe, 'message:new');

    for (const junk of [
      'not json',
      '[]',
      'null',
      '{"type": 1}',
      '{"serverId": "x", "type": "no.such.type", "data": {}}',
      '{"serverId": "x", "type": "message", "data": null}',
      '{"serverId": "x", "type": "message", "data": {"roomId": "0"}}',
      '{"serverId": "x", "type": "message", "data": {"from": 1, "date": 1, "message": "x", "roomId": "*"}}',
      '{"serverId": "x", "type": "user.connected", "data": {"id": "abc"}}',
    ]) {
      await redis.publish('MESSAGES', junk);
    }
    const arrived = nextEvent(joe, 'message:new', (message) => message.message === 'still here');
    await requestOk(pablo, 'message:send', {
      roomId: '1:2',
      text: 'still here',
      clientMessageId: clientMessageId(),
    });
    await arrived;

    expect(joeSaw.map((message) => message.message)).toEqual(['still here']);
  });
});
