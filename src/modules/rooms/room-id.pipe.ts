import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { isRoomId } from '../../redis/redis-keys.js';

/** Refuses a room id that could not name a room before it gets near a key. */
@Injectable()
export class RoomIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!isRoomId(value)) throw new BadRequestException(`"${value.slice(0, 40)}" is not a room id`);

    return value;
  }
}
