import { Module } from '@nestjs/common';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { UsersRepository } from './users.repository.js';

@Module({
  providers: [UsersRepository, SessionsRepository, SessionsService],
  exports: [UsersRepository, SessionsService],
})
export class AuthModule {}
