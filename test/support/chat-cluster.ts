import type { Redis } from 'ioredis';
import type { RuntimeConfig } from '../../src/config/app-config.js';
import { TestRedisServer } from './redis-server.js';
import { connectClient, sessionFor, type ChatClient } from './socket-client.js';
import { startTestApp } from './test-app.js';

/** Ids of the demo users a fresh app seeds, in the order of DEMO_USERNAMES. */
export const PABLO = 1;
export const JOE = 2;
export const MARY = 3;
export const ALEX = 4;
/** The private room of Pablo and Joe, seeded with two messages. */
export const PABLO_AND_JOE = '1:2';

/** One app instance, as `startTestApp` returns it. */
export type TestInstance = Awaited<ReturnType<typeof startTestApp>>;

export interface ChatClusterOptions {
  /** How many app instances share the Redis server; two unless a test needs otherwise. */
  instances?: number;
  /** Settings every instance starts with, on top of the test defaults. */
  config?: Partial<RuntimeConfig>;
}

/**
 * A redis-server of its own with app instances on it, a plain client for assertions, and the
 * sockets a test opens; `close()` ends all of them.
 */
export class ChatCluster {
  private readonly sockets: Pick<ChatClient, 'close'>[] = [];

  private constructor(
    readonly server: TestRedisServer,
    readonly redis: Redis,
    readonly instances: TestInstance[],
  ) {}

  static async start({
    instances = 2,
    config = {},
  }: ChatClusterOptions = {}): Promise<ChatCluster> {
    const server = await TestRedisServer.start();
    const started: TestInstance[] = [];
    for (let index = 0; index < instances; index++) {
      started.push(await startTestApp(server.url, config));
    }

    return new ChatCluster(server, server.client(), started);
  }

  /** Connects a socket for a user with a fresh session started on that instance. */
  async connect(instance: TestInstance, userId: number): Promise<ChatClient> {
    return this.connectWithToken(instance.url, await sessionFor(instance.app, userId));
  }

  /** Connects a socket with a session the test already holds, to any listening URL. */
  async connectWithToken(url: string, token: string): Promise<ChatClient> {
    const client = await connectClient(url, token);
    this.sockets.push(client);

    return client;
  }

  /** Closes sockets the test opened itself together with the rest. */
  track(...sockets: Pick<ChatClient, 'close'>[]): void {
    this.sockets.push(...sockets);
  }

  /** Shuts one instance down gracefully now; `close()` leaves it alone. */
  async stop(instance: TestInstance): Promise<void> {
    const index = this.instances.indexOf(instance);
    if (index === -1) throw new Error('That instance is not running in this cluster');

    this.instances.splice(index, 1);
    await instance.app.close();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets.splice(0)) socket.close();
    await Promise.all(this.instances.splice(0).map((instance) => instance.app.close()));
    await this.redis.quit();
    await this.server.stop();
  }
}
