import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Without SESSION_SECRET, a random secret is generated once and kept in the data folder, so
 * sessions survive restarts on this host. Instances on several hosts must share SESSION_SECRET.
 */
export function resolveSessionSecret(configured: string | undefined, dataDir: string): string {
  if (configured !== undefined) return configured;

  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'session-secret');
  try {
    writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
    new Logger('Config').log(`Generated a session secret in ${file}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }

  return readFileSync(file, 'utf8').trim();
}
