import { Injectable } from '@nestjs/common';
import { PresenceRepository } from '../presence/presence.repository.js';
import type { UserPresence } from '../../shared/chat-events.js';
import { UsersRepository } from './users.repository.js';

/** Who is who and who is online, for signed-in users. */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly presence: PresenceRepository,
  ) {}

  /** The presence of the given users, in the order asked; unknown ids are left out. */
  async findPresence(ids: number[]): Promise<UserPresence[]> {
    const unique = [...new Set(ids)];
    const [names, online, lastSeen] = await Promise.all([
      this.users.findUsernames(unique),
      this.presence.listOnlineUserIds(),
      this.presence.findLastSeen(unique),
    ]);
    const onlineIds = new Set(online);

    return unique
      .filter((id) => names.has(id))
      .map((id) => ({
        id,
        username: names.get(id) as string,
        online: onlineIds.has(id),
        ...(lastSeen.has(id) ? { lastSeen: lastSeen.get(id) } : {}),
      }));
  }

  async listOnline(): Promise<UserPresence[]> {
    const ids = await this.presence.listOnlineUserIds();

    return (await this.findPresence(ids.sort((a, b) => a - b))).filter((user) => user.online);
  }
}
