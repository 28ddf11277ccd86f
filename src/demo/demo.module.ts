import { Module } from '@nestjs/common';
import { AuthModule } from '../modules/auth/auth.module.js';
import { MessagingModule } from '../modules/messaging/messaging.module.js';
import { RoomsModule } from '../modules/rooms/rooms.module.js';
import { DemoDataService } from './demo-data.service.js';

@Module({
  imports: [AuthModule, RoomsModule, MessagingModule],
  providers: [DemoDataService],
  exports: [DemoDataService],
})
export class DemoModule {}
