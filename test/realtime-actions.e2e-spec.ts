import { io } from 'socket.io-client';
import { DomainEvents } from '../src/events/domain-events.js';
import { SESSION_COOKIE, SessionsService } from '../src/modules/auth/sessions.service.js';
import { MAX_MESSAGE_LENGTH } from '../src/shared/chat-events.js';
import {
  PABLO,
  JOE,
  MARY,
  PABLO_AND_JOE,
  ChatCluster,
  type TestInstance,
} from './support/chat-cluster.js';
import {
  clientMessageId,
  connectClient,
  nextEvent,
  request,
  requestOk,
  sessionFor,
  type ChatClient,
} from './support/socket-client.js';

const RATE_LIMIT = 4;

describe('Real-time actions', () => {
  let cluster: ChatCluster;
  let a: TestInstance;
  let b: TestInstance;

  beforeEach(async () => {
    const config = { messageRateLimit: RATE_LIMIT, allowedOrigins: ['https://chat.example.com'] };
    cluster = await ChatCluster.start({ config });
    [a, b] = cluster.instances;
  });

  afterEach(() => cluster.close());

  function send(client: ChatClient, roomId: string, text: string) {
    return request(client, 'message:send', { roomId, text, clientMessageId: clientMessageId() });
  }

  describe('the handshake', () => {
    it('should refuse a socket without a live session', async () => {
      await expect(connectClient(a.url)).rejects.toThrow('unauthenticated');
      await expect(connectClient(a.url, 'x'.repeat(43))).rejects.toThrow('unauthenticated');
    });

    it('should accept the session cookie in place of a token', async () => {
      const token = await sessionFor(a.app, PABLO);
      const socket = io(a.url, {
        transports: ['websocket'],
        reconnection: false,
        extraHeaders: { cookie: `${SESSION_COOKIE}=${token}` },
      });
      cluster.track(socket);

      await new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(undefined));
        socket.once('connect_error', reject);
      });
      expect(await send(socket, '0', 'by cookie')).toMatchObject({
        ok: true,
        data: { from: PABLO },
      });
    });

    it('should refuse an origin outside the allowed list and accept a listed one', async () => {
      const token = await sessionFor(a.app, PABLO);
      const handshake = (origin: string) =>
        fetch(`${a.url}/socket.io/?EIO=4&transport=polling`, {
          headers: { origin, authorization: `Bearer ${token}` },
        });

      expect((await handshake('https://evil.example.com')).status).toBe(403);
      expect((await handshake('https://chat.example.com')).status).toBe(200);
    });

    it('should disconnect only the sockets of a signed-out session, on every instance', async () => {
      const token = await sessionFor(a.app, PABLO);
      const onA = await cluster.connectWithToken(a.url, token);
      const onB = await cluster.connectWithToken(b.url, token);
      const otherSession = await cluster.connect(b, PABLO);
      const session = await a.app.get(SessionsService).authenticate(token);
      const closed = [onA, onB].map(
        (socket) => new Promise((resolve) => socket.once('disconnect', resolve)),
      );

      a.app.get(DomainEvents).publish('session.ended', {
        userId: PABLO,
        digest: session?.digest ?? '',
      });
      await Promise.all(closed);

      expect(otherSession.connected).toBe(true);
    });

    it('should disconnect every socket of a user signed out everywhere, on every instance', async () => {
      const onA = await cluster.connect(a, PABLO);
      const onB = await cluster.connect(b, PABLO);
      const joe = await cluster.connect(b, JOE);
      const closed = [onA, onB].map(
        (socket) => new Promise((resolve) => socket.once('disconnect', resolve)),
      );

      a.app.get(DomainEvents).publish('session.all-ended', { userId: PABLO });
      await Promise.all(closed);

      expect(joe.connected).toBe(true);
    });
  });

  describe('sending', () => {
    it('should answer bad input with an error acknowledgement and keep the socket', async () => {
      const pablo = await cluster.connect(a, PABLO);
      const raw = pablo as unknown as {
        timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
      };

      for (const payload of [
        undefined,
        'text',
        { roomId: '0' },
        { roomId: '0', text: 'x', clientMessageId: 'short' },
        { roomId: '../0', text: 'x', clientMessageId: clientMessageId() },
        { roomId: '0', text: 'x', clientMessageId: clientMessageId(), extra: true },
        { roomId: '0', text: '   ', clientMessageId: clientMessageId() },
        {
          roomId: '0',
          text: 'y'.repeat(MAX_MESSAGE_LENGTH + 1),
          clientMessageId: clientMessageId(),
        },
      ]) {
        const reply = await raw.timeout(5_000).emitWithAck('message:send', payload);
        expect(reply).toEqual({
          ok: false,
          error: { code: 'invalid_input', message: expect.any(String) },
        });
      }

      expect((await send(pablo, '0', 'y'.repeat(MAX_MESSAGE_LENGTH))).ok).toBe(true);
      expect(pablo.connected).toBe(true);
    });

    it('should refuse to post in a room the user does not belong to', async () => {
      const mary = await cluster.connect(a, MARY);

      expect(await send(mary, PABLO_AND_JOE, 'let me in')).toEqual({
        ok: false,
        error: { code: 'forbidden', message: expect.any(String) },
      });
      expect(await cluster.redis.zcard(`room:${PABLO_AND_JOE}`)).toBe(2);
    });

    it('should limit sends per user across instances', async () => {
      const onA = await cluster.connect(a, PABLO);
      const onB = await cluster.connect(b, PABLO);

      const replies = [];
      for (let index = 0; index < RATE_LIMIT + 1; index++) {
        replies.push(await send(index % 2 === 0 ? onA : onB, '0', `burst ${index}`));
      }

      expect(replies.slice(0, RATE_LIMIT).every((reply) => reply.ok)).toBe(true);
      expect(replies[RATE_LIMIT]).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    });
  });

  describe('editing and deleting', () => {
    it('should let the author edit and delete, live on every instance and in the stored room', async () => {
      const pablo = await cluster.connect(a, PABLO);
      const joe = await cluster.connect(b, JOE);
      const sent = await requestOk(pablo, 'message:send', {
        roomId: PABLO_AND_JOE,
        text: 'tpyo',
        clientMessageId: clientMessageId(),
      });
      const id = sent.id as number;

      const editSeen = nextEvent(joe, 'message:edited', (message) => message.id === id);
      const edited = await requestOk(pablo, 'message:edit', {
        roomId: PABLO_AND_JOE,
        messageId: id,
        text: 'typo',
      });
      expect(await editSeen).toEqual(edited);
      expect(edited).toMatchObject({
        id,
        message: 'typo',
        date: sent.date,
        editedAt: expect.any(Number),
      });
      const stored = await cluster.redis.zrangebyscore(
        `room:${PABLO_AND_JOE}`,
        sent.date,
        sent.date,
      );
      expect(stored.map((member) => JSON.parse(member) as unknown)).toEqual([edited]);

      const deleteSeen = nextEvent(joe, 'message:deleted', (event) => event.id === id);
      await requestOk(pablo, 'message:delete', { roomId: PABLO_AND_JOE, messageId: id });
      expect(await deleteSeen).toEqual({ roomId: PABLO_AND_JOE, id });
      expect(await cluster.redis.zcard(`room:${PABLO_AND_JOE}`)).toBe(2);
    });

    it("should refuse to change someone else's message", async () => {
      const joe = await cluster.connect(a, JOE);

      const edit = await request(joe, 'message:edit', {
        roomId: PABLO_AND_JOE,
        messageId: 1,
        text: 'rewritten',
      });
      const remove = await request(joe, 'message:delete', { roomId: PABLO_AND_JOE, messageId: 1 });
      const missing = await request(joe, 'message:delete', {
        roomId: PABLO_AND_JOE,
        messageId: 99,
      });

      expect(edit).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(remove).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });
  });

  describe('reading and typing', () => {
    it("should share read markers and unread counts between a user's tabs on every instance", async () => {
      const pablo = await cluster.connect(a, PABLO);
      const joeOnA = await cluster.connect(a, JOE);
      const joeOnB = await cluster.connect(b, JOE);
      await requestOk(pablo, 'message:send', {
        roomId: PABLO_AND_JOE,
        text: 'unread',
        clientMessageId: clientMessageId(),
      });

      const otherTab = nextEvent(joeOnB, 'room:read-state', (state) => state.lastReadId === 3);
      const state = await requestOk(joeOnA, 'room:read', { roomId: PABLO_AND_JOE, messageId: 3 });

      expect(state).toEqual({ roomId: PABLO_AND_JOE, lastReadId: 3, unread: 0 });
      expect(await otherTab).toEqual(state);
    });

    it('should relay typing to the other members of the room only', async () => {
      const pablo = await cluster.connect(a, PABLO);
      const joe = await cluster.connect(b, JOE);

      const seen = nextEvent(joe, 'typing', (event) => event.typing);
      await requestOk(pablo, 'typing:start', { roomId: PABLO_AND_JOE });
      expect(await seen).toEqual({
        roomId: PABLO_AND_JOE,
        userId: PABLO,
        username: 'Pablo',
        typing: true,
      });

      const stopped = nextEvent(joe, 'typing', (event) => !event.typing);
      await requestOk(pablo, 'typing:stop', { roomId: PABLO_AND_JOE });
      expect(await stopped).toMatchObject({ userId: PABLO, typing: false });
    });
  });

  describe('joining and leaving', () => {
    it('should join a channel, deliver its messages to every tab, and stop after leaving', async () => {
      const mary = await cluster.connect(a, MARY);
      const pabloOnB = await cluster.connect(b, PABLO);
      const created = await fetch(`${a.url}/api/channels`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await sessionFor(a.app, MARY)}`,
        },
        body: JSON.stringify({ name: 'random' }),
      });
      expect(created.status).toBe(201);
      const channelId = ((await created.json()) as { id: string }).id;

      const added = nextEvent(pabloOnB, 'room:added', (room) => room.id === channelId);
      const joined = await requestOk(pabloOnB, 'room:join', { roomId: channelId });
      expect(joined).toMatchObject({ id: channelId, kind: 'channel', name: 'random' });
      await added;

      const delivered = nextEvent(
        pabloOnB,
        'message:new',
        (message) => message.roomId === channelId,
      );
      await requestOk(mary, 'message:send', {
        roomId: channelId,
        text: 'welcome',
        clientMessageId: clientMessageId(),
      });
      expect(await delivered).toMatchObject({ message: 'welcome', from: MARY });

      const removed = nextEvent(pabloOnB, 'room:removed', (event) => event.roomId === channelId);
      await requestOk(pabloOnB, 'room:leave', { roomId: channelId });
      await removed;
      expect(await send(pabloOnB, channelId, 'still here?')).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
    });

    it("should never let a user join someone else's private room", async () => {
      const mary = await cluster.connect(a, MARY);

      expect(await request(mary, 'room:join', { roomId: PABLO_AND_JOE })).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await cluster.redis.sismember('user:3:rooms', PABLO_AND_JOE)).toBe(0);
    });
  });
});
