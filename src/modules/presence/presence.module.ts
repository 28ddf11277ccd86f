import { Module } from '@nestjs/common';
import { PresenceRepository } from './presence.repository.js';

@Module({
  providers: [PresenceRepository],
  exports: [PresenceRepository],
})
export class PresenceModule {}
