import type { INestApplication } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { ChatMessage } from '../src/shared/chat-events.js';
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
const PABLO_AND_JOE = '1:2';

describe('Real-time delivery', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let a: { app: INestApplication; url: string };
  let b: { app: INestApplication; url: string };
  const clients: ChatClient[] = [];

  beforeEach(async () => {
    redisServer = await TestRedisServer.start();
    redis = redisServer.client();
    a = await startTestApp(redisServer.url, { logLevels: ['error', 'warn', 'log', 'debug'] });
    b = await startTestApp(redisServer.url, { logLevels: ['error', 'warn', 'log', 'debug'] });
  });

  afterEach(async () => {
    for (const client of clients.splice(0)) client.close();
    await Promise.all([a.app.close(), b.app.close()]);
    await redis.quit();
    await redisServer.stop();
  });

  async function connect(instance: { app: INestApplication; url: string }, userId: number) {
    const client = await connectClient(instance.url, await sessionFor(instance.app, userId));
    clients.push(client);

    return client;
  }

  function send(client: ChatClient, roomId: string, text: string, id = clientMessageId()) {
    return requestOk(client, 'message:send', { roomId, text, clientMessageId: id });
  }

  function inRoom(roomId: string) {
    return (messages: ChatMessage[]) => messages.filter((message) => message.roomId === roomId);
  }

  it('should deliver a message from one instance exactly once to a member on another, and to no one else', async () => {
    const pablo = await connect(a, PABLO);
    const joe = await connect(b, JOE);
    const maryOnA = await connect(a, MARY);
    const maryOnB = await connect(b, MARY);
    const joeSaw = record(joe, 'message:new');
    const marySaw = [...['a', 'b']].map((_, index) =>
      record(index === 0 ? maryOnA : maryOnB, 'message:new'),
    );

    console.log('NUMSUB', await redis.pubsub('NUMSUB', 'MESSAGES'), await redis.pubsub('CHANNELS'));
    const sub = redisServer.client(); await sub.subscribe('MESSAGES'); sub.on('message', (c, m) => console.log('BUS', m));
    const sent = await send(pablo, PABLO_AND_JOE, 'Hello Joe, <b>this</b> stays as typed');
    // A second message as a marker: once it arrives, anything the first caused has arrived too.
    const marker = await send(pablo, PABLO_AND_JOE, 'marker');
    await nextEvent(joe, 'message:new', (message) => message.id === marker.id);

    expect(sent).toMatchObject({
      id: 3,
      from: PABLO,
      roomId: PABLO_AND_JOE,
      message: 'Hello Joe, <b>this</b> stays as typed',
    });
    expect(inRoom(PABLO_AND_JOE)(joeSaw)).toEqual([sent, marker]);
    expect(marySaw.flat()).toEqual([]);
  });
});
