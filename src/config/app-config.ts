import { LogLevel } from '@nestjs/common';
import { resolve } from 'node:path';

/** Everything the server reads from its environment, validated once at start. */
export interface AppConfig {
  /** `undefined` means "use 127.0.0.1:6379 if it answers, otherwise start an embedded Redis". */
  redisUrl: string | undefined;
  port: number;
  /** Keys the HMAC under which session tokens are stored; `undefined` means "generate and keep". */
  sessionSecret: string | undefined;
  bcryptCost: number;
  /** Origins allowed for CORS and the socket handshake; same-origin requests are always allowed. */
  allowedOrigins: string[];
  dataDir: string;
  logLevels: LogLevel[];
  cookieSecure: boolean;
  /** Whether to create the demo users, rooms and messages on an empty Redis. */
  seedDemoData: boolean;
  /**
   * How long an instance's connections count as live without a heartbeat; an instance that dies
   * without shutting down stops counting its users within about this bound plus a third of it.
   */
  presenceTtlMs: number;
  /** Most messages one user may send per 10 seconds, over all instances. */
  messageRateLimit: number;
  /**
   * Express's `trust proxy` setting: which reverse proxies may name the client address in
   * X-Forwarded-For. `undefined` trusts none, so the socket's peer address is the client.
   */
  trustProxy: number | string | undefined;
}

/** The configuration once start-up has settled what the environment left open. */
export interface RuntimeConfig extends AppConfig {
  redisUrl: string;
  sessionSecret: string;
  /** Identifies this process on the `MESSAGES` bus, so it can ignore its own envelopes. */
  serverId: string;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
}

const LOG_LEVEL_ORDER: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

type Env = Record<string, string | undefined>;

/**
 * Reads the configuration from environment variables. Every problem is collected, so one start
 * attempt reports all bad variables by name.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();

    return value === '' ? undefined : value;
  };

  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;

    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);

      return fallback;
    }

    return value;
  };

  const boolean = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    problems.push(`${name} must be true or false, got "${raw}"`);

    return fallback;
  };

  const redisUrl = read('REDIS_URL');
  if (redisUrl !== undefined && !isRedisUrl(redisUrl)) {
    problems.push(`REDIS_URL must look like redis://host:port or rediss://host:port`);
  }

  const sessionSecret = read('SESSION_SECRET');
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    problems.push('SESSION_SECRET must be at least 32 characters long');
  }

  const allowedOrigins = (read('ALLOWED_ORIGINS') ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of allowedOrigins) {
    if (!isOrigin(origin)) {
      problems.push(
        `ALLOWED_ORIGINS entries must be origins like https://chat.example.com, got "${origin}"`,
      );
    }
  }

  const trustProxy = parseTrustProxy(read('TRUST_PROXY'), problems);

  const logLevel = read('LOG_LEVEL') ?? 'log';
  const levelIndex = LOG_LEVEL_ORDER.indexOf(logLevel as LogLevel);
  if (levelIndex < 0) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVEL_ORDER.join(', ')}, got "${logLevel}"`);
  }

  const config: AppConfig = {
    redisUrl,
    port: integer('PORT', 3000, 0, 65535),
    sessionSecret,
    bcryptCost: integer('BCRYPT_COST', 12, 10, 15),
    allowedOrigins,
    dataDir: resolve(read('DATA_DIR') ?? 'data'),
    logLevels: LOG_LEVEL_ORDER.slice(0, (levelIndex < 0 ? 3 : levelIndex) + 1),
    cookieSecure: boolean('COOKIE_SECURE', false),
    seedDemoData: boolean('SEED_DEMO_DATA', true),
    presenceTtlMs: integer('PRESENCE_TTL_MS', 15_000, 1_000, 300_000),
    messageRateLimit: integer('MESSAGE_RATE_LIMIT', 20, 1, 10_000),
    trustProxy,
  };

  if (problems.length > 0) throw new ConfigError(problems);

  return config;
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/** A hop count, or a list of proxy addresses, subnets and Express's names for address ranges. */
function parseTrustProxy(raw: string | undefined, problems: string[]): number | string | undefined {
  if (raw === undefined) return undefined;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);

  const entries = raw.split(',').map((entry) => entry.trim());
  const valid = entries.every(
    (entry) => PROXY_NAMES.includes(entry) || /^[0-9A-Fa-f:.]+(\/\d{1,3})?$/.test(entry),
  );
  if (!valid) {
    problems.push(
      `TRUST_PROXY must be a hop count, or addresses, subnets, ${PROXY_NAMES.join(', ')}; got "${raw}"`,
    );

    return undefined;
  }

  return entries.join(',');
}

function isRedisUrl(value: string): boolean {
  try {
    const url = new URL(value);

    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);

    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}
