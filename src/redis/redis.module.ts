import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config.js';
import { closeRedis, openRedis } from './redis-connection.js';
import { EvictionPolicyCheck } from './eviction-policy.check.js';
import { REDIS_CLIENT } from './redis.constants.js';

/**
 * The shared client for commands and scripts. Subscriptions never share it: the MESSAGES bus
 * subscribes through the microservice transport's own connections, and the Socket.IO adapter has
 * its own pub/sub pair (see RedisIoAdapter), so a slow subscriber cannot block a command.
 */
@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: RuntimeConfig) => openRedis(config.redisUrl, 'commands'),
    },
    EvictionPolicyCheck,
  ],
  exports: [REDIS_CLIENT],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS_CLIENT) private readonly client: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.client);
  }
}
