import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type RuntimeConfig } from '../config/app-config.js';
import { closeRedis, openRedis } from './redis-connection.js';
import { EvictionPolicyCheck } from './eviction-policy.check.js';
import { REDIS_CLIENT, REDIS_SUBSCRIBER } from './redis.constants.js';

@Global()
@Module({
  providers: [
    {
      provide: REDIS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: RuntimeConfig) => openRedis(config.redisUrl, 'commands'),
    },
    {
      provide: REDIS_SUBSCRIBER,
      inject: [APP_CONFIG],
      useFactory: (config: RuntimeConfig) => openRedis(config.redisUrl, 'subscriber'),
    },
    EvictionPolicyCheck,
  ],
  exports: [REDIS_CLIENT, REDIS_SUBSCRIBER],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(
    @Inject(REDIS_CLIENT) private readonly client: Redis,
    @Inject(REDIS_SUBSCRIBER) private readonly subscriber: Redis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([closeRedis(this.subscriber), closeRedis(this.client)]);
  }
}
