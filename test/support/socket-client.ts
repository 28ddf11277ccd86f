import type { INestApplication } from '@nestjs/common';
import { io, type Socket } from 'socket.io-client';
import { SessionsService } from '../../src/modules/auth/sessions.service.js';
import type {
  Ack,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../src/shared/chat-events.js';

export type ChatClient = Socket<ServerToClientEvents, ClientToServerEvents>;

type ServerEvent = keyof ServerToClientEvents;
type Payload<E extends ServerEvent> = Parameters<ServerToClientEvents[E]>[0];
type Request<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[0];
type Reply<E extends keyof ClientToServerEvents> = Parameters<
  Parameters<ClientToServerEvents[E]>[1]
>[0];

/** Starts a session for a user straight through the app, as sign-in would. */
export function sessionFor(app: INestApplication, userId: number): Promise<string> {
  return app.get(SessionsService).startSession(userId);
}

/** Connects over WebSocket only and resolves once the handshake is accepted. */
export function connectClient(url: string, token?: string): Promise<ChatClient> {
  const socket: ChatClient = io(url, {
    auth: token === undefined ? {} : { token },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });

  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Sends a client event and waits for its acknowledgement. */
export function request<E extends keyof ClientToServerEvents>(
  socket: ChatClient,
  event: E,
  payload: Request<E>,
): Promise<Reply<E>> {
  // socket.io-client's typed emitWithAck cannot follow a generic event name.
  const emit = socket.timeout(5_000).emitWithAck.bind(socket.timeout(5_000)) as (
    event: string,
    payload: unknown,
  ) => Promise<Reply<E>>;

  return emit(event, payload);
}

/** Like `request`, for the success case: fails the test on an error acknowledgement. */
export async function requestOk<E extends keyof ClientToServerEvents>(
  socket: ChatClient,
  event: E,
  payload: Request<E>,
): Promise<Extract<Reply<E>, { ok: true }>['data']> {
  const reply = (await request(socket, event, payload)) as Ack<unknown>;
  if (!reply.ok) throw new Error(`${event} failed: ${reply.error.code} ${reply.error.message}`);

  return reply.data as Extract<Reply<E>, { ok: true }>['data'];
}

/** Records every payload of one server event from now on. */
export function record<E extends ServerEvent>(socket: ChatClient, event: E): Payload<E>[] {
  const seen: Payload<E>[] = [];
  (socket as unknown as { on: Listen }).on(event, (payload: Payload<E>) => seen.push(payload));

  return seen;
}

type Listen = (event: string, listener: (payload: never) => void) => void;

/** Resolves with the first payload of an event that matches, or fails after a deadline. */
export function nextEvent<E extends ServerEvent>(
  socket: ChatClient,
  event: E,
  matches: (payload: Payload<E>) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<Payload<E>> {
  // The untyped view: socket.io-client's listener types cannot follow a generic event name.
  const raw = socket as unknown as { on: Listen; off: Listen };

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      raw.off(event, listener);
      reject(new Error(`No matching ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: Payload<E>) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      raw.off(event, listener);
      resolve(payload);
    };
    raw.on(event, listener);
  });
}

/** Polls a condition until it holds, or fails after a deadline. */
export async function eventually(
  condition: () => Promise<boolean> | boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A fresh client message id. */
export function clientMessageId(): string {
  return `cm-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
}
