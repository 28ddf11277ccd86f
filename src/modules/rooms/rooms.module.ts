import { forwardRef, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { MessagingModule } from '../messaging/messaging.module.js';
import { ChannelsController } from './channels.controller.js';
import { ChannelsService } from './channels.service.js';
import { HistoryService } from './history.service.js';
import { RoomsController } from './rooms.controller.js';
import { RoomsRepository } from './rooms.repository.js';
import { RoomsService } from './rooms.service.js';

@Module({
  // Lazy, because the messaging side may need RoomsService for its own membership checks.
  imports: [AuthModule, forwardRef(() => MessagingModule)],
  controllers: [RoomsController, ChannelsController],
  providers: [RoomsRepository, RoomsService, ChannelsService, HistoryService],
  exports: [RoomsRepository, RoomsService, ChannelsService],
})
export class RoomsModule {}
