import { RESUME_MAX_MESSAGES } from '../src/modules/messaging/resume.service.js';
import type { ChatMessage } from '../src/shared/chat-events.js';
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
  record,
  requestOk,
  sessionFor,
  type ChatClient,
} from './support/socket-client.js';

describe('Real-time delivery', () => {
  let cluster: ChatCluster;
  let a: TestInstance;
  let b: TestInstance;

  beforeEach(async () => {
    // These tests send in bursts; the rate limit has its own test.
    cluster = await ChatCluster.start({ config: { messageRateLimit: 1_000 } });
    [a, b] = cluster.instances;
  });

  afterEach(() => cluster.close());

  function send(client: ChatClient, roomId: string, text: string, id = clientMessageId()) {
    return requestOk(client, 'message:send', { roomId, text, clientMessageId: id });
  }

  function inRoom(roomId: string) {
    return (messages: ChatMessage[]) => messages.filter((message) => message.roomId === roomId);
  }

  it('should deliver a message from one instance exactly once to a member on another, and to no one else', async () => {
    const pablo = await cluster.connect(a, PABLO);
    const joe = await cluster.connect(b, JOE);
    // A tab on the sender's instance: it must not get the bus echo as well as the local emit.
    const joeOnA = await cluster.connect(a, JOE);
    const maryOnA = await cluster.connect(a, MARY);
    const maryOnB = await cluster.connect(b, MARY);
    const joeSaw = record(joe, 'message:new');
    const joeOnASaw = record(joeOnA, 'message:new');
    const marySaw = [maryOnA, maryOnB].map((client) => record(client, 'message:new'));

    const sent = await send(pablo, PABLO_AND_JOE, 'Hello Joe, <b>this</b> stays as typed');
    // A second message as a marker: once it arrives, anything the first caused has arrived too.
    const isMarker = (message: ChatMessage) => message.message === 'marker';
    const markerArrived = [joe, joeOnA].map((client) => nextEvent(client, 'message:new', isMarker));
    const marker = await send(pablo, PABLO_AND_JOE, 'marker');
    await Promise.all(markerArrived);

    expect(sent).toMatchObject({
      id: 3,
      from: PABLO,
      roomId: PABLO_AND_JOE,
      message: 'Hello Joe, <b>this</b> stays as typed',
    });
    expect(inRoom(PABLO_AND_JOE)(joeSaw)).toEqual([sent, marker]);
    expect(inRoom(PABLO_AND_JOE)(joeOnASaw)).toEqual([sent, marker]);
    expect(marySaw.flat()).toEqual([]);
  });

  it('should give a client that reconnects to the other instance exactly the 50 messages it missed, in order', async () => {
    const pablo = await cluster.connect(a, PABLO);
    const joeToken = await sessionFor(a.app, JOE);
    const joeBefore = await connectClient(a.url, joeToken);
    const lastSeen = await send(pablo, PABLO_AND_JOE, 'before the gap');
    joeBefore.close();

    const missed: ChatMessage[] = [];
    for (let index = 0; index < 50; index++) {
      missed.push(await send(pablo, PABLO_AND_JOE, `missed ${index}`));
    }
    const joeAfter = await cluster.connectWithToken(b.url, joeToken);
    const result = await requestOk(joeAfter, 'resume', {
      rooms: { [PABLO_AND_JOE]: lastSeen.id as number },
    });

    expect(result.rooms[PABLO_AND_JOE]).toEqual({ messages: missed });
  });

  it('should ask for a reload when a room missed too much or the cursor is unknown', async () => {
    const pablo = await cluster.connect(a, PABLO);
    const first = await send(pablo, PABLO_AND_JOE, 'first');
    for (let index = 0; index <= RESUME_MAX_MESSAGES; index++) {
      await send(pablo, PABLO_AND_JOE, `flood ${index}`, `flood-${index}-${Date.now()}`);
    }
    const joe = await cluster.connect(b, JOE);

    const result = await requestOk(joe, 'resume', {
      rooms: { [PABLO_AND_JOE]: first.id as number, '0': 999_999, '3:4': 1 },
    });

    expect(result.rooms).toEqual({ [PABLO_AND_JOE]: { reload: true }, '0': { reload: true } });
  });

  it('should store and deliver one message when the same client message id reaches both instances', async () => {
    const pablosFirstTab = await cluster.connect(a, PABLO);
    const pablosSecondTab = await cluster.connect(b, PABLO);
    const joe = await cluster.connect(b, JOE);
    const joeSaw = record(joe, 'message:new');
    const countBefore = await cluster.redis.zcard(`room:${PABLO_AND_JOE}`);
    const retried = clientMessageId();

    const original = await send(pablosFirstTab, PABLO_AND_JOE, 'only once', retried);
    const retry = await send(pablosSecondTab, PABLO_AND_JOE, 'only once', retried);
    const markerArrived = nextEvent(joe, 'message:new', (message) => message.message === 'marker');
    await send(pablosFirstTab, PABLO_AND_JOE, 'marker');
    await markerArrived;

    expect(retry).toEqual(original);
    expect(await cluster.redis.zcard(`room:${PABLO_AND_JOE}`)).toBe(countBefore + 2);
    expect(joeSaw.map((message) => message.message)).toEqual(['only once', 'marker']);
  });
});
