import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottleRepository } from './login-throttle.repository.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { SessionGuard } from './session.guard.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { UsersRepository } from './users.repository.js';

@Module({
  controllers: [AuthController],
  providers: [
    UsersRepository,
    SessionsRepository,
    SessionsService,
    SessionGuard,
    AuthService,
    LoginThrottleRepository,
    LoginThrottleService,
  ],
  exports: [UsersRepository, SessionsService, SessionGuard],
})
export class AuthModule {}
