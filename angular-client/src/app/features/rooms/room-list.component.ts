import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import type { RoomSummary } from '@shared/chat-events';
import { AvatarComponent } from '../../shared/avatar.component';
import { shortStamp } from '../../shared/time';
import { RoomsStore } from './rooms.store';

/** The user's rooms with a preview of each, General first. */
@Component({
  selector: 'rc-room-list',
  imports: [AvatarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <ul role="list">
      @for (room of store.rooms(); track room.id) {
        <li>
          <button
            type="button"
            class="room"
            [class.active]="room.id === store.activeRoomId()"
            [attr.aria-current]="room.id === store.activeRoomId() ? 'true' : null"
            [attr.aria-label]="describe(room)"
            (click)="selected.emit(room.id)"
          >
            <rc-avatar
              [name]="room.kind === 'channel' ? '#' : room.name"
              [online]="room.kind === 'private' ? store.isOnline(room.peerId) : null"
            />
            <span class="text">
              <span class="top">
                <span class="name">{{ room.kind === 'channel' ? '# ' : '' }}{{ room.name }}</span>
                @if (room.lastMessage) {
                  <time class="stamp">{{ stamp(room.lastMessage.date) }}</time>
                }
              </span>
              <span class="bottom">
                <span class="preview">{{ preview(room) }}</span>
                @if (room.unread > 0) {
                  <span class="badge" aria-hidden="true">{{
                    room.unread > 99 ? '99+' : room.unread
                  }}</span>
                }
              </span>
            </span>
          </button>
        </li>
      } @empty {
        <li class="empty">No rooms yet.</li>
      }
    </ul>
  `,
  styles: `
    ul {
      margin: 0;
      padding: 0 8px;
      list-style: none;
    }
    .room {
      display: flex;
      align-items: center;
      gap: 12px;
      width: 100%;
      padding: 10px;
      border: 0;
      border-radius: 10px;
      background: transparent;
      text-align: left;
      cursor: pointer;
    }
    .room:hover {
      background: #f1f3f8;
    }
    .room.active {
      background: var(--rc-accent-soft);
    }
    .text {
      display: flex;
      flex-direction: column;
      gap: 2px;
      min-width: 0;
      flex: 1;
    }
    .top,
    .bottom {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .name {
      flex: 1;
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .stamp {
      font-size: 0.75rem;
      color: var(--rc-muted);
    }
    .preview {
      flex: 1;
      font-size: 0.85rem;
      color: var(--rc-muted);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .badge {
      min-width: 20px;
      padding: 1px 6px;
      border-radius: 999px;
      background: var(--rc-accent);
      color: #fff;
      font-size: 0.72rem;
      font-weight: 700;
      text-align: center;
    }
    .empty {
      padding: 12px;
      color: var(--rc-muted);
    }
  `,
})
export class RoomListComponent {
  protected readonly store = inject(RoomsStore);

  readonly selected = output<string>();

  protected readonly stamp = shortStamp;

  protected preview(room: RoomSummary): string {
    const last = room.lastMessage;
    if (!last) return 'No messages yet';

    let author = '';
    if (this.store.isMe(last.from)) author = 'You: ';
    else if (room.kind !== 'private') author = `${this.store.userName(last.from)}: `;

    return author + last.message.replace(/\s+/g, ' ');
  }

  protected describe(room: RoomSummary): string {
    const parts = [room.kind === 'private' ? `Private chat with ${room.name}` : room.name];
    if (room.kind === 'private')
      parts.push(this.store.isOnline(room.peerId) ? 'online' : 'offline');
    if (room.unread > 0) parts.push(`${room.unread} unread`);

    return parts.join(', ');
  }
}
