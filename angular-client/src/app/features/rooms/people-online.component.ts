import { ChangeDetectionStrategy, Component, inject, output } from '@angular/core';
import { AvatarComponent } from '../../shared/avatar.component';
import { RoomsStore } from './rooms.store';

/** Everyone else who is online; choosing one opens the private chat with them. */
@Component({
  selector: 'rc-people-online',
  imports: [AvatarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 id="people-title">Online now · {{ store.onlineUsers().length }}</h2>
    <ul role="list" aria-labelledby="people-title">
      @for (user of store.onlineUsers(); track user.id) {
        <li>
          <button
            type="button"
            [attr.aria-label]="'Message ' + user.username"
            (click)="chosen.emit(user.id)"
          >
            <rc-avatar [name]="user.username" [online]="true" />
            <span>{{ user.username }}</span>
          </button>
        </li>
      } @empty {
        <li class="empty">Nobody else is online.</li>
      }
    </ul>
  `,
  styles: `
    h2 {
      margin: 0;
      padding: 14px 18px 6px;
      font-size: 0.75rem;
      text-transform: uppercase;
      letter-spacing: 0.06em;
      color: var(--rc-muted);
    }
    ul {
      margin: 0;
      padding: 0 8px 12px;
      list-style: none;
    }
    button {
      display: flex;
      align-items: center;
      gap: 10px;
      width: 100%;
      padding: 6px 10px;
      border: 0;
      border-radius: 10px;
      background: transparent;
      cursor: pointer;
      text-align: left;
      font-weight: 500;
    }
    button:hover {
      background: #f1f3f8;
    }
    rc-avatar {
      width: 30px;
      height: 30px;
      font-size: 0.85rem;
    }
    .empty {
      padding: 6px 10px;
      font-size: 0.85rem;
      color: var(--rc-muted);
    }
  `,
})
export class PeopleOnlineComponent {
  protected readonly store = inject(RoomsStore);

  readonly chosen = output<number>();
}
