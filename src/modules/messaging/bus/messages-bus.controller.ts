import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { channels } from '../../../redis/redis-keys.js';
import { MessagesBus } from './messages-bus.js';

/** The MESSAGES subscription of the Redis transport; every envelope published there lands here. */
@Controller()
export class MessagesBusController {
  constructor(private readonly bus: MessagesBus) {}

  @EventPattern(channels.messages)
  onEnvelope(@Payload() payload: unknown): void {
    this.bus.receive(payload);
  }
}
