import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { answersPing, findFreePort } from '../../src/redis/embedded-redis.js';

export interface TestRedisOptions {
  /** Keep an append-only file, so a restart of the same server keeps the data. */
  appendOnly?: boolean;
}

/**
 * A redis-server owned by one test file, on a free port with its own folder. Tests may flush it,
 * kill it and restart it: no one else uses it.
 */
export class TestRedisServer {
  private process?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'redis-chat-test-'));

  private constructor(
    readonly port: number,
    private readonly options: TestRedisOptions,
  ) {}

  static async start(options: TestRedisOptions = {}): Promise<TestRedisServer> {
    const server = new TestRedisServer(await findFreePort(), options);
    await server.restart();

    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** A plain client for assertions; close it with `quit()`. */
  client(): Redis {
    return new Redis(this.url, { maxRetriesPerRequest: 1 });
  }

  async restart(): Promise<void> {
    this.process = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        this.options.appendOnly ? 'yes' : 'no',
        '--appendfsync',
        'always',
      ],
      { stdio: 'ignore' },
    );

    for (let attempt = 0; attempt < 200; attempt++) {
      if (await answersPing('127.0.0.1', this.port, 100)) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`Test redis-server on port ${this.port} did not start`);
  }

  /** Kills the server without letting it save anything. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM');
    rmSync(this.dir, { recursive: true, force: true });
  }

  private signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();

    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }
}
