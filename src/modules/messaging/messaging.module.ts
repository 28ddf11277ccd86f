import { forwardRef, Module } from '@nestjs/common';
import { ClientRedis } from '@nestjs/microservices';
import { APP_CONFIG, type RuntimeConfig } from '../../config/app-config.js';
import { AuthModule } from '../auth/auth.module.js';
import { PresenceModule } from '../presence/presence.module.js';
import { RoomsModule } from '../rooms/rooms.module.js';
import { busTransportOptions } from './bus/bus-transport.js';
import { MessagesBusController } from './bus/messages-bus.controller.js';
import { MESSAGES_BUS_CLIENT, MessagesBus } from './bus/messages-bus.js';
import { ChatConnections } from './chat-connections.service.js';
import { ChatDelivery } from './chat-delivery.service.js';
import { ChatGateway } from './chat.gateway.js';
import { MessagesRepository } from './messages.repository.js';
import { MessagingService } from './messaging.service.js';
import { ReadMarkersRepository } from './read-markers.repository.js';
import { ResumeService } from './resume.service.js';
import { RoomMembershipService } from './room-membership.service.js';
import { SendRateRepository } from './send-rate.repository.js';
import { TypingService } from './typing.service.js';

@Module({
  imports: [AuthModule, PresenceModule, forwardRef(() => RoomsModule)],
  controllers: [MessagesBusController],
  providers: [
    MessagesRepository,
    ReadMarkersRepository,
    SendRateRepository,
    {
      provide: MESSAGES_BUS_CLIENT,
      inject: [APP_CONFIG],
      useFactory: (config: RuntimeConfig) =>
        new ClientRedis(busTransportOptions(config.redisUrl, config.serverId).options),
    },
    MessagesBus,
    ChatDelivery,
    ChatConnections,
    MessagingService,
    ResumeService,
    RoomMembershipService,
    TypingService,
    ChatGateway,
  ],
  exports: [MessagesRepository, ReadMarkersRepository, MessagingService],
})
export class MessagingModule {}
