/** The General room, which every user belongs to. */
export const GENERAL_ROOM_ID = '0';

/** A private room between two users has the id `min:max`, the same whoever opens it. */
export function privateRoomId(a: number, b: number): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

/** The two participants of a private room, or `null` for General and channels. */
export function privateRoomParticipants(roomId: string): [number, number] | null {
  const match = /^(\d+):(\d+)$/.exec(roomId);

  return match ? [Number(match[1]), Number(match[2])] : null;
}

export type RoomIdKind = 'general' | 'private' | 'channel';

/** What kind of room an id names, judged by its shape alone (the id must pass `isRoomId`). */
export function roomKindOf(roomId: string): RoomIdKind {
  if (roomId === GENERAL_ROOM_ID) return 'general';

  return roomId.includes(':') ? 'private' : 'channel';
}

/** Whether a private room id is in the `min:max` form with two different users. */
export function isCanonicalPrivateRoomId(roomId: string): boolean {
  const participants = privateRoomParticipants(roomId);

  return participants !== null && participants[0] < participants[1];
}
