import { Module } from '@nestjs/common';
import { PresenceModule } from '../presence/presence.module.js';
import { AuthModule } from './auth.module.js';
import { UsersController } from './users.controller.js';
import { UsersService } from './users.service.js';

/** User lookups with presence; apart from AuthModule so presence may depend on auth freely. */
@Module({
  imports: [AuthModule, PresenceModule],
  controllers: [UsersController],
  providers: [UsersService],
})
export class UsersModule {}
