import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../src/redis/embedded-redis.js';
import { TestRedisServer } from './support/redis-server.js';

const MAIN = join(import.meta.dirname, '..', 'dist', 'main.js');

interface Finished {
  code: number | null;
  output: string;
}

/** Runs the built server as `npm start` would, and collects what it prints. */
function runServer(env: Record<string, string>) {
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'log', BCRYPT_COST: '10', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const finished = new Promise<Finished>((resolve) =>
    child.once('exit', (code) => resolve({ code, output })),
  );

  return { child, finished, output: () => output };
}

async function waitForHealth(url: string, deadlineMs: number): Promise<number> {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`);

      return response.status;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url}/api/health did not answer within ${deadlineMs} ms`);
}

describe('The start command', () => {
  let dataDir: string;

  beforeAll(() => {
    if (!existsSync(MAIN)) throw new Error('dist/main.js is missing: run `npm run build` first');
  });

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'redis-chat-start-'));
  });

  afterEach(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should serve /api/health against REDIS_URL and stop cleanly on SIGTERM', async () => {
    const redisServer = await TestRedisServer.start();
    const port = await findFreePort();
    const server = runServer({
      REDIS_URL: redisServer.url,
      PORT: String(port),
      DATA_DIR: dataDir,
    });

    try {
      expect(await waitForHealth(`http://127.0.0.1:${port}`, 30000)).toBe(200);
      server.child.kill('SIGTERM');
      const { code, output } = await server.finished;

      expect(code).toBe(0);
      expect(output).toContain('Created demo data');
      expect(output).toContain('shutting down');
    } finally {
      server.child.kill('SIGKILL');
      await redisServer.stop();
    }
  });

  it('should refuse to start with a bad variable and name it', async () => {
    const server = runServer({ PORT: 'eighty', BCRYPT_COST: '99', DATA_DIR: dataDir });

    const { code, output } = await server.finished;

    expect(code).toBe(1);
    expect(output).toMatch(/PORT must be an integer/);
    expect(output).toMatch(/BCRYPT_COST must be an integer from 10 to 15/);
  });
});
