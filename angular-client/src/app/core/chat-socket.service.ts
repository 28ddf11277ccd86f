import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type {
  Ack,
  AckCallback,
  ChatErrorCode,
  ClientToServerEvents,
  ServerToClientEvents,
} from '@shared/chat-events';
import { io, type Socket } from 'socket.io-client';

/** What the connection indicator shows. */
export type ConnectionState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'offline';

type ClientEvent = keyof ClientToServerEvents;
type ServerEvent = keyof ServerToClientEvents;
export type RequestOf<E extends ClientEvent> = Parameters<ClientToServerEvents[E]>[0];
export type ReplyOf<E extends ClientEvent> =
  Parameters<ClientToServerEvents[E]>[1] extends AckCallback<infer T> ? T : never;

/** How long an acknowledgement may take before the request counts as lost. */
const ACK_TIMEOUT_MS = 10_000;

/** A request the server refused, or one that never got an answer (`timeout`, `disconnected`). */
export class ChatRequestError extends Error {
  constructor(
    readonly code: ChatErrorCode | 'timeout' | 'disconnected',
    message: string,
  ) {
    super(message);
  }

  /** Whether sending the same request again later may succeed. */
  get retryable(): boolean {
    return ['timeout', 'disconnected', 'internal', 'rate_limited'].includes(this.code);
  }
}

/**
 * The one Socket.IO connection of the app, typed by the shared event contract. It follows the
 * browser's online state, so a dead network shows at once instead of after a ping timeout.
 */
@Injectable({ providedIn: 'root' })
export class ChatSocket {
  // WebSocket first: it needs no sticky sessions between instances; polling is the fallback.
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    autoConnect: false,
    withCredentials: true,
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
  });
  private readonly connectionState = signal<ConnectionState>('idle');
  private readonly connectedListeners = new Set<() => void>();
  private readonly rejectedListeners = new Set<(reason: string) => void>();
  private wanted = false;

  readonly state = this.connectionState.asReadonly();

  constructor() {
    this.socket.on('connect', () => {
      this.connectionState.set('connected');
      for (const listener of this.connectedListeners) listener();
    });
    this.socket.on('disconnect', (reason) => {
      if (!this.wanted) return this.connectionState.set('idle');
      if (!navigator.onLine) return this.connectionState.set('offline');

      this.connectionState.set('reconnecting');
      // The server only closes a socket on purpose when the session ended; it will not retry.
      if (reason === 'io server disconnect') this.notifyRejected('The session has ended');
    });
    this.socket.on('connect_error', (error) => {
      this.connectionState.set(navigator.onLine ? 'reconnecting' : 'offline');
      // A refused handshake is not retried by Socket.IO; a network failure is.
      if (!this.socket.active) this.notifyRejected(error.message);
    });

    const goneOffline = () => this.followNetwork(false);
    const backOnline = () => this.followNetwork(true);
    window.addEventListener('offline', goneOffline);
    window.addEventListener('online', backOnline);
    inject(DestroyRef).onDestroy(() => {
      window.removeEventListener('offline', goneOffline);
      window.removeEventListener('online', backOnline);
      this.socket.disconnect();
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  connect(): void {
    this.wanted = true;
    if (this.socket.connected || this.socket.active) return;

    this.connectionState.set(navigator.onLine ? 'connecting' : 'offline');
    if (navigator.onLine) this.socket.connect();
  }

  disconnect(): void {
    this.wanted = false;
    this.socket.disconnect();
    this.connectionState.set('idle');
  }

  /** Sends a client event and resolves with the acknowledged data, or throws ChatRequestError. */
  async request<E extends ClientEvent>(event: E, payload: RequestOf<E>): Promise<ReplyOf<E>> {
    if (!this.socket.connected) throw new ChatRequestError('disconnected', 'Not connected');

    // The generic contract is too wide for Socket.IO's own overloads; the types above keep it safe.
    const emitter = this.socket.timeout(ACK_TIMEOUT_MS) as unknown as {
      emitWithAck(event: string, payload: unknown): Promise<Ack<ReplyOf<E>>>;
    };
    let reply: Ack<ReplyOf<E>>;
    try {
      reply = await emitter.emitWithAck(event, payload);
    } catch {
      throw new ChatRequestError('timeout', `No answer to ${event}`);
    }
    if (!reply.ok) throw new ChatRequestError(reply.error.code, reply.error.message);

    return reply.data;
  }

  /** Fire-and-forget for events whose answer nobody waits for (typing). */
  notify<E extends ClientEvent>(event: E, payload: RequestOf<E>): void {
    if (!this.socket.connected) return;

    this.request(event, payload).catch((error: unknown) => {
      console.debug(`${event} was not acknowledged`, error);
    });
  }

  /** Listens to a server event; call the returned function to stop. */
  on<E extends ServerEvent>(event: E, listener: ServerToClientEvents[E]): () => void {
    const socket = this.socket as unknown as {
      on(event: string, listener: unknown): void;
      off(event: string, listener: unknown): void;
    };
    socket.on(event, listener);

    return () => socket.off(event, listener);
  }

  /** Runs after every successful connection, the first and each reconnection. */
  onConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);

    return () => this.connectedListeners.delete(listener);
  }

  /** Runs when the server refuses the connection, e.g. because the session ended. */
  onRejected(listener: (reason: string) => void): () => void {
    this.rejectedListeners.add(listener);

    return () => this.rejectedListeners.delete(listener);
  }

  private followNetwork(online: boolean): void {
    if (!this.wanted) return;

    if (online) {
      this.connectionState.set('connecting');
      this.socket.connect();
    } else {
      // Close now: a socket on a dead network would otherwise look alive until a ping times out.
      this.socket.disconnect();
      this.connectionState.set('offline');
    }
  }

  private notifyRejected(reason: string): void {
    for (const listener of this.rejectedListeners) listener(reason);
  }
}
