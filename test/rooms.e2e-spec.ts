import type { INestApplication } from '@nestjs/common';
import type { Redis } from 'ioredis';
import request from 'supertest';
import { MessagesRepository } from '../src/modules/messaging/messages.repository.js';
import { ReadMarkersRepository } from '../src/modules/messaging/read-markers.repository.js';
import type { ChannelListing, MessagePage, RoomSummary } from '../src/shared/chat-events.js';
import { TestRedisServer } from './support/redis-server.js';
import { signIn, signUp, type TestSession } from './support/session-client.js';
import { collectEvents, startTestApp } from './support/test-app.js';

describe('Rooms API', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let app: INestApplication;
  let url: string;
  let pablo: TestSession;
  let mary: TestSession;

  beforeEach(async () => {
    redisServer = await TestRedisServer.start();
    redis = redisServer.client();
    ({ app, url } = await startTestApp(redisServer.url));
    [pablo, mary] = await Promise.all([signIn(url, 'Pablo'), signIn(url, 'Mary')]);
  });

  afterEach(async () => {
    await app.close();
    await redis.quit();
    await redisServer.stop();
  });

  /** A request as a non-browser client with a bearer token. */
  function as(session: TestSession) {
    const auth = (test: request.Test) => test.set('Authorization', `Bearer ${session.token}`);

    return {
      get: (path: string) => auth(request(url).get(path)),
      post: (path: string) => auth(request(url).post(path)),
    };
  }

  it("should refuse user 3 the history of 1:2 and joining it, and show Pablo's", async () => {
    expect(mary.userId).toBe(3);

    const history = await as(mary).get('/api/rooms/1:2/messages').expect(403);
    const join = await as(mary).post('/api/channels/1:2/join').expect(403);

    expect(history.body).toMatchObject({ statusCode: 403, message: expect.any(String) });
    expect(JSON.stringify(history.body)).not.toMatch(/Hi |Hello /);
    expect(join.body).toMatchObject({ statusCode: 403 });
    expect(await redis.sismember('user:3:rooms', '1:2')).toBe(0);
    const own = await as(pablo).get('/api/rooms/1:2/messages').expect(200);
    expect((own.body as MessagePage).messages).toHaveLength(2);
  });

  it('should answer 404 for a private room id that is not in min:max form', async () => {
    await as(pablo).get('/api/rooms/2:1/messages').expect(404);
    await as(pablo).get('/api/rooms/1:1/messages').expect(404);
  });

  it("should list only the signed-in user's rooms, General first, with names and unread", async () => {
    const response = await as(mary).get('/api/rooms').expect(200);
    const rooms = response.body as RoomSummary[];

    expect(rooms.map((room) => room.id).sort()).toEqual(['0', '1:3', '2:3', '3:4']);
    expect(rooms[0]).toMatchObject({ id: '0', kind: 'general', name: 'General', memberCount: 4 });
    expect(rooms[0].lastMessage).toMatchObject({ id: 5, roomId: '0' });
    // Demo senders have read their own messages: Mary wrote General's third and replied in 1:3.
    expect(rooms[0].unread).toBe(2);
    expect(rooms.find((room) => room.id === '1:3')).toMatchObject({
      kind: 'private',
      name: 'Pablo',
      peerId: 1,
      memberCount: 2,
      unread: 0,
    });
    const others = rooms.slice(1).map((room) => room.lastMessage?.date ?? 0);
    expect(others).toEqual([...others].sort((a, b) => b - a));
  });

  it('should count unread messages from the read marker, which only moves forward', async () => {
    const markers = app.get(ReadMarkersRepository);

    expect(await markers.markRead(3, '0', 4)).toBe(4);
    expect(await markers.markRead(3, '0', 2)).toBe(4);

    const rooms = (await as(mary).get('/api/rooms').expect(200)).body as RoomSummary[];
    expect(rooms[0].unread).toBe(1);
    expect(await markers.findLastRead(3, ['0', '1:3', '2:3'])).toEqual(
      new Map([
        ['0', 4],
        ['1:3', 2],
        ['2:3', 2],
      ]),
    );
  });

  it('should open a private room idempotently from either side and list it for both', async () => {
    const ada = await signUp(url, 'Ada', 'long enough');
    const added = collectEvents(app, 'room.member-added');

    const first = await as(ada).post('/api/rooms/private').send({ userId: 1 }).expect(200);
    const again = await as(pablo)
      .post('/api/rooms/private')
      .send({ userId: ada.userId })
      .expect(200);

    const roomId = `1:${ada.userId}`;
    expect(first.body).toMatchObject({ id: roomId, kind: 'private', name: 'Pablo', peerId: 1 });
    expect(again.body).toMatchObject({ id: roomId, name: 'Ada', peerId: ada.userId });
    // Published once for each participant, on the first opening only.
    expect(added).toHaveLength(2);
    expect(added).toEqual(
      expect.arrayContaining([
        { roomId, userId: 1 },
        { roomId, userId: ada.userId },
      ]),
    );
    const pabloRooms = (await as(pablo).get('/api/rooms').expect(200)).body as RoomSummary[];
    expect(pabloRooms.map((room) => room.id)).toContain(roomId);
  });

  it('should refuse a private room with yourself or an unknown user', async () => {
    await as(pablo).post('/api/rooms/private').send({ userId: 1 }).expect(400);
    await as(pablo).post('/api/rooms/private').send({ userId: 99 }).expect(404);
    await as(pablo).post('/api/rooms/private').send({ userId: '2' }).expect(400);
  });

  it('should create, list, join and leave channels', async () => {
    const created = await as(pablo).post('/api/channels').send({ name: '  Random  ' }).expect(201);
    const channel = created.body as RoomSummary;
    expect(channel).toMatchObject({ kind: 'channel', name: 'Random', memberCount: 1 });
    expect(await redis.get(`room:${channel.id}:name`)).toBe('Random');
    expect(await redis.get('total_channels')).toBe(channel.id);

    const listed = (await as(mary).get('/api/channels').expect(200)).body as ChannelListing[];
    expect(listed).toEqual([{ id: channel.id, name: 'Random', memberCount: 1, joined: false }]);
    await as(mary).get(`/api/rooms/${channel.id}/messages`).expect(403);

    const joined = await as(mary).post(`/api/channels/${channel.id}/join`).expect(200);
    expect(joined.body).toMatchObject({ id: channel.id, memberCount: 2 });
    await as(mary).get(`/api/rooms/${channel.id}/messages`).expect(200);

    await as(mary).post(`/api/channels/${channel.id}/leave`).expect(204);
    await as(mary).get(`/api/rooms/${channel.id}/messages`).expect(403);
    const rooms = (await as(mary).get('/api/rooms').expect(200)).body as RoomSummary[];
    expect(rooms.map((room) => room.id)).not.toContain(channel.id);
  });

  it('should refuse a channel name taken in any case, and invalid names', async () => {
    await as(pablo).post('/api/channels').send({ name: 'Random' }).expect(201);

    await as(mary).post('/api/channels').send({ name: 'RANDOM' }).expect(409);
    await as(mary).post('/api/channels').send({ name: '   ' }).expect(400);
    await as(mary)
      .post('/api/channels')
      .send({ name: 'x'.repeat(41) })
      .expect(400);
    await as(mary).post('/api/channels').send({ name: 'bell\u0007' }).expect(400);
  });

  it('should keep everyone in General and refuse unknown channels', async () => {
    await as(pablo).post('/api/channels/0/leave').expect(400);
    await as(pablo).post('/api/channels/1:2/leave').expect(400);
    await as(pablo).post('/api/channels/42/join').expect(404);
    await as(pablo).get('/api/rooms/42/messages').expect(404);
  });

  it('should show the newest message of a room in its summary', async () => {
    await app.get(MessagesRepository).appendMessage({ roomId: '1:3', from: 3, text: 'latest' });

    const rooms = (await as(mary).get('/api/rooms').expect(200)).body as RoomSummary[];

    expect(rooms[1]).toMatchObject({ id: '1:3', lastMessage: { message: 'latest', id: 3 } });
  });

  it('should give names and presence of users to signed-in users only', async () => {
    await redis.sadd('online_users', '2');
    await redis.hset('last_seen', '1', '1700000000');

    const users = await as(pablo).get('/api/users?ids=1,2,99').expect(200);
    const online = await as(pablo).get('/api/users/online').expect(200);

    expect(users.body).toEqual([
      { id: 1, username: 'Pablo', online: false, lastSeen: 1700000000 },
      { id: 2, username: 'Joe', online: true },
    ]);
    expect(online.body).toEqual([{ id: 2, username: 'Joe', online: true }]);
    await as(pablo).get('/api/users?ids=1,abc').expect(400);
    await request(url).get('/api/users?ids=1').expect(401);
  });
});
