/**
 * A message as stored in `room:{id}` and as sent to clients: the tutorial's JSON (`from`, `date`,
 * `message`, `roomId`) plus `id`, the room-scoped sequence number this server assigns. Messages
 * written by a server that follows the tutorial have no `id`.
 *
 * This file is shared with the Angular client: types and pure functions only.
 */
export interface ChatMessage {
  id?: number;
  from: number;
  /** Unix time in seconds, with milliseconds as the fraction. */
  date: number;
  /** The text exactly as written: never HTML-escaped in storage, always shown as text. */
  message: string;
  roomId: string;
  /** Unix time in seconds of the last edit, when edited. */
  editedAt?: number;
}
