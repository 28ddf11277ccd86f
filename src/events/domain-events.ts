import { Injectable } from '@nestjs/common';
import { Observable, Subject, filter, map } from 'rxjs';

/**
 * What happened in this process that other parts may react to. Services publish facts here after
 * they persisted them; the gateway turns them into socket events and, where other instances must
 * know, into envelopes on the MESSAGES bus. Nothing here crosses process boundaries by itself.
 */
export interface DomainEventMap {
  /** A user became a member of a room (a private room was opened, a channel joined). */
  'room.member-added': { roomId: string; userId: number };
  /** A user left a channel. */
  'room.member-removed': { roomId: string; userId: number };
  /** One session was signed out. */
  'session.ended': { userId: number; digest: string };
  /** Every session of a user was signed out. */
  'session.all-ended': { userId: number };
}

export type DomainEventName = keyof DomainEventMap;

interface Envelope<K extends DomainEventName = DomainEventName> {
  name: K;
  payload: DomainEventMap[K];
}

@Injectable()
export class DomainEvents {
  private readonly stream = new Subject<Envelope>();

  publish<K extends DomainEventName>(name: K, payload: DomainEventMap[K]): void {
    this.stream.next({ name, payload });
  }

  on<K extends DomainEventName>(name: K): Observable<DomainEventMap[K]> {
    return this.stream.pipe(
      filter((event): event is Envelope<K> => event.name === name),
      map((event) => event.payload),
    );
  }
}
