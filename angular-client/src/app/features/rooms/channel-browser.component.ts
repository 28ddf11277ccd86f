import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { ChannelListing } from '@shared/chat-events';
import { describeApiError } from '../../core/api-error';
import { RoomsApi } from './rooms-api.service';
import { RoomsStore } from './rooms.store';

/** A dialog to find, create, join and leave public channels. */
@Component({
  selector: 'rc-channel-browser',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog aria-labelledby="channels-title" (close)="error.set(null)">
      <header>
        <h2 id="channels-title">Channels</h2>
        <button type="button" class="close" aria-label="Close" (click)="dialog.close()">✕</button>
      </header>

      <form (submit)="create($event)">
        <label for="channel-name">New channel</label>
        <div class="row">
          <input
            id="channel-name"
            placeholder="e.g. release-notes"
            maxlength="64"
            [value]="newName()"
            (input)="newName.set(valueOf($event))"
          />
          <button type="submit" [disabled]="busy() || !newName().trim()">Create</button>
        </div>
      </form>

      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }

      <ul role="list" aria-label="All channels" [attr.aria-busy]="busy()">
        @for (channel of channels(); track channel.id) {
          <li>
            <span class="name"># {{ channel.name }}</span>
            <span class="members"
              >{{ channel.memberCount }}
              {{ channel.memberCount === 1 ? 'member' : 'members' }}</span
            >
            @if (channel.joined) {
              <button type="button" (click)="show(channel)">Open</button>
              <button
                type="button"
                class="quiet"
                [disabled]="busy()"
                (click)="leave(channel)"
                [attr.aria-label]="'Leave ' + channel.name"
              >
                Leave
              </button>
            } @else {
              <button
                type="button"
                [disabled]="busy()"
                (click)="join(channel)"
                [attr.aria-label]="'Join ' + channel.name"
              >
                Join
              </button>
            }
          </li>
        } @empty {
          <li class="empty">No channels yet. Create the first one.</li>
        }
      </ul>
    </dialog>
  `,
  styles: `
    dialog {
      width: min(92vw, 460px);
      max-height: 80dvh;
      padding: 20px;
      border: 0;
      border-radius: 16px;
      box-shadow: 0 20px 60px rgba(29, 36, 51, 0.25);
    }
    dialog::backdrop {
      background: rgba(29, 36, 51, 0.35);
    }
    header {
      display: flex;
      align-items: center;
      justify-content: space-between;
    }
    h2 {
      margin: 0;
      font-size: 1.2rem;
    }
    label {
      display: block;
      margin: 16px 0 6px;
      font-weight: 600;
      font-size: 0.9rem;
    }
    .row {
      display: flex;
      gap: 8px;
    }
    input {
      flex: 1;
      padding: 9px 12px;
      border: 1px solid var(--rc-border);
      border-radius: 8px;
    }
    button {
      padding: 8px 14px;
      border: 0;
      border-radius: 8px;
      background: var(--rc-accent);
      color: #fff;
      font-weight: 600;
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    button.quiet,
    button.close {
      background: #f1f3f8;
      color: var(--rc-text);
    }
    ul {
      margin: 16px 0 0;
      padding: 0;
      list-style: none;
    }
    li {
      display: flex;
      align-items: center;
      gap: 8px;
      padding: 8px 0;
      border-top: 1px solid var(--rc-border);
    }
    .name {
      flex: 1;
      font-weight: 600;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .members,
    .empty {
      font-size: 0.8rem;
      color: var(--rc-muted);
    }
    .error {
      margin: 12px 0 0;
      color: var(--rc-danger);
    }
  `,
})
export class ChannelBrowserComponent {
  private readonly api = inject(RoomsApi);
  private readonly rooms = inject(RoomsStore);
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  /** Emits the room id the user wants to look at. */
  readonly opened = output<string>();

  protected readonly channels = signal<ChannelListing[]>([]);
  protected readonly newName = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  async open(): Promise<void> {
    this.dialog().nativeElement.showModal();
    await this.run(async () => this.channels.set(await this.api.channels()));
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    const name = this.newName().trim();
    if (!name) return;

    await this.run(async () => {
      const room = await this.api.createChannel(name);
      this.rooms.upsertRoom(room);
      this.newName.set('');
      this.show({ id: room.id, name: room.name, memberCount: room.memberCount, joined: true });
    });
  }

  protected async join(channel: ChannelListing): Promise<void> {
    await this.run(async () => {
      const room = await this.api.joinChannel(channel.id);
      this.rooms.upsertRoom(room);
      this.show(channel);
    });
  }

  protected async leave(channel: ChannelListing): Promise<void> {
    await this.run(async () => {
      await this.api.leaveChannel(channel.id);
      this.rooms.forgetRoom(channel.id);
      this.channels.set(await this.api.channels());
    });
  }

  protected show(channel: ChannelListing): void {
    this.dialog().nativeElement.close();
    this.opened.emit(channel.id);
  }

  private async run(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
    } catch (error: unknown) {
      this.error.set(describeApiError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
