import { DynamicModule, Module } from '@nestjs/common';
import { APP_CONFIG, type RuntimeConfig } from './config/app-config.js';
import { DemoModule } from './demo/demo.module.js';
import { EventsModule } from './events/events.module.js';
import { HealthController } from './health/health.controller.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { MessagingModule } from './modules/messaging/messaging.module.js';
import { PresenceModule } from './modules/presence/presence.module.js';
import { RoomsModule } from './modules/rooms/rooms.module.js';
import { UsersModule } from './modules/auth/users.module.js';
import { RedisModule } from './redis/redis.module.js';

@Module({})
export class AppModule {
  static forRoot(config: RuntimeConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [
        RedisModule,
        EventsModule,
        AuthModule,
        RoomsModule,
        UsersModule,
        PresenceModule,
        MessagingModule,
        DemoModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
