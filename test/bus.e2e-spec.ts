import type { Redis } from 'ioredis';
import { PABLO, JOE, MARY, ChatCluster, type TestInstance } from './support/chat-cluster.js';
import { clientMessageId, nextEvent, record, requestOk } from './support/socket-client.js';

/** What a server written to the tutorial does to post a message: write it, then announce it. */
async function postLikeTheTutorial(redis: Redis, data: Record<string, unknown>): Promise<void> {
  await redis.zadd(`room:${String(data.roomId)}`, Number(data.date), JSON.stringify(data));
  await redis.publish('MESSAGES', JSON.stringify({ serverId: 4132, type: 'message', data }));
}

describe('MESSAGES bus', () => {
  let cluster: ChatCluster;
  let a: TestInstance;
  let b: TestInstance;
  const listeners: Redis[] = [];

  beforeEach(async () => {
    cluster = await ChatCluster.start();
    [a, b] = cluster.instances;
  });

  afterEach(async () => {
    await Promise.all(listeners.splice(0).map((listener) => listener.quit()));
    await cluster.close();
  });

  /** A plain subscriber on MESSAGES, as a tutorial server has; resolves once subscribed. */
  async function listen(): Promise<unknown[]> {
    const listener = cluster.server.client();
    listeners.push(listener);
    const envelopes: unknown[] = [];
    listener.on('message', (_channel: string, text: string) => envelopes.push(JSON.parse(text)));
    await listener.subscribe('MESSAGES');

    return envelopes;
  }

  it('should deliver what a tutorial server publishes to the members of that room on every instance', async () => {
    const pabloOnA = await cluster.connect(a, PABLO);
    const joeOnB = await cluster.connect(b, JOE);
    const mary = await cluster.connect(b, MARY);
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
    await postLikeTheTutorial(cluster.redis, inPrivate);
    await postLikeTheTutorial(cluster.redis, inGeneral);

    expect(await privateArrived).toEqual(inPrivate);
    for (const message of await generalArrived) expect(message).toEqual({ ...inGeneral, from: 3 });
    expect(marySaw.map((message) => message.roomId)).toEqual(['0']);
  });

  it('should publish our messages and presence on MESSAGES in the tutorial envelope', async () => {
    const envelopes = await listen();
    const pablo = await cluster.connect(a, PABLO);

    const sent = await requestOk(pablo, 'message:send', {
      roomId: '0',
      text: 'Hello tutorial servers',
      clientMessageId: clientMessageId(),
    });
    const joeArrived = nextEvent(pablo, 'user:connected', (user) => user.id === JOE);
    await cluster.connect(b, JOE);
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
    const pablo = await cluster.connect(a, PABLO);
    const joe = await cluster.connect(b, JOE);
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
      await cluster.redis.publish('MESSAGES', junk);
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
