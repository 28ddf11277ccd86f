import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS_CLIENT } from '../redis/redis.constants.js';

const READINESS_TIMEOUT_MS = 1000;

@Controller()
export class HealthController {
  constructor(@Inject(REDIS_CLIENT) private readonly redis: Redis) {}

  /** Liveness: the process is up and serving HTTP. */
  @Get('health')
  @HttpCode(200)
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: Redis answers a PING within a second. */
  @Get('ready')
  async ready(): Promise<{ status: 'ready' }> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timed out')), READINESS_TIMEOUT_MS);
    });

    try {
      await Promise.race([this.redis.ping(), timeout]);
    } catch (error) {
      throw new ServiceUnavailableException(`Redis does not answer: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }

    return { status: 'ready' };
  }
}
