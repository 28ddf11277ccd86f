import { Logger } from '@nestjs/common';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { join } from 'node:path';

export const DEFAULT_REDIS_HOST = '127.0.0.1';
export const DEFAULT_REDIS_PORT = 6379;

export class RedisNotInstalledError extends Error {
  constructor() {
    super(
      'No Redis is configured, none answers on 127.0.0.1:6379, and redis-server is not installed.\n' +
        '  Install it (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis)\n' +
        '  or point the app at a running Redis with REDIS_URL=redis://host:port',
    );
  }
}

/** A redis-server child process owned by this app. */
export interface EmbeddedRedis {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Sends PING over a raw socket and reports whether something answered +PONG in time. */
export function answersPing(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const finish = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };

    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('data', (data) => finish(data.toString().startsWith('+PONG')));
    socket.connect(port, host, () => socket.write('PING\r\n'));
  });
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, DEFAULT_REDIS_HOST, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts redis-server on a free port with its append-only file in `dataDir`, so data survives a
 * restart of the app, and with `noeviction`, so Redis refuses writes rather than drop chat data
 * when memory runs out.
 */
export async function startEmbeddedRedis(
  dataDir: string,
  { executable = 'redis-server', timeoutMs = 15000 } = {},
): Promise<EmbeddedRedis> {
  const logger = new Logger('EmbeddedRedis');
  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true });
  const port = await findFreePort();

  const child = spawn(
    executable,
    [
      '--port',
      String(port),
      '--bind',
      DEFAULT_REDIS_HOST,
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--save',
      '',
      '--maxmemory-policy',
      'noeviction',
      '--protected-mode',
      'yes',
      '--logfile',
      'redis.log',
    ],
    { stdio: 'ignore' },
  );

  await waitUntilAnswering(child, port, timeoutMs);
  logger.log(`Started redis-server on ${DEFAULT_REDIS_HOST}:${port} with data in ${dir}`);

  return {
    url: `redis://${DEFAULT_REDIS_HOST}:${port}`,
    port,
    stop: () => stopChild(child),
  };
}

async function waitUntilAnswering(child: ChildProcess, port: number, timeoutMs: number) {
  let failure: Error | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure = error.code === 'ENOENT' ? new RedisNotInstalledError() : error;
  });
  child.once('exit', (code) => {
    failure ??= new Error(`redis-server exited with code ${code} before answering`);
  });

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (failure) throw failure;
    if (await answersPing(DEFAULT_REDIS_HOST, port, 250)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  child.kill('SIGKILL');
  throw failure ?? new Error(`redis-server did not answer on port ${port} within ${timeoutMs} ms`);
}

/** SIGTERM makes redis-server flush its append-only file before it exits. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();

  return new Promise((resolve) => {
    const forceKill = setTimeout(() => child.kill('SIGKILL'), 10000);
    child.once('exit', () => {
      clearTimeout(forceKill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
