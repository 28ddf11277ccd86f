import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router } from '@angular/router';
import { describeApiError } from '../../core/api-error';
import { ChatSocket } from '../../core/chat-socket.service';
import { OutboxStore } from '../../core/outbox.store';
import { SessionStore } from '../../core/session.store';
import { AvatarComponent } from '../../shared/avatar.component';
import { ConnectionStatusComponent } from '../../shared/connection-status.component';
import { AuthApi } from '../auth/auth-api.service';
import { ChannelBrowserComponent } from '../rooms/channel-browser.component';
import { PeopleOnlineComponent } from '../rooms/people-online.component';
import { RoomListComponent } from '../rooms/room-list.component';
import { RoomsStore } from '../rooms/rooms.store';
import { ChatStore } from './chat.store';
import { ComposerComponent } from './composer.component';
import { MessagePaneComponent } from './message-pane.component';

/** Must match the breakpoint in chat-shell.component.css. */
const PHONE_LAYOUT = '(max-width: 700px)';

/** Pause before reconnecting after the server refused a still-valid session. */
const RECONNECT_PAUSE_MS = 2_000;

/**
 * The signed-in screen: rooms and people on the left, the conversation on the right. On a phone
 * only one of the two shows at a time. It owns the session's stores and the socket's lifetime.
 */
@Component({
  selector: 'rc-chat-shell',
  imports: [
    AvatarComponent,
    ChannelBrowserComponent,
    ComposerComponent,
    ConnectionStatusComponent,
    MessagePaneComponent,
    PeopleOnlineComponent,
    RoomListComponent,
  ],
  providers: [RoomsStore, ChatStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './chat-shell.component.html',
  styleUrl: './chat-shell.component.css',
})
export class ChatShellComponent {
  private readonly socket = inject(ChatSocket);
  private readonly outbox = inject(OutboxStore);
  private readonly auth = inject(AuthApi);
  private readonly router = inject(Router);
  private readonly channelBrowser = viewChild.required(ChannelBrowserComponent);
  private readonly composer = viewChild(ComposerComponent);

  protected readonly rooms = inject(RoomsStore);
  protected readonly me = inject(SessionStore).requireUser();
  protected readonly connection = this.socket.state;
  /** On a phone: which of the two columns shows. */
  protected readonly phoneView = signal<'rooms' | 'chat'>('rooms');
  protected readonly accountError = signal<string | null>(null);
  protected readonly activeRoom = this.rooms.activeRoom;
  private destroyed = false;

  protected readonly typingLine = computed(() => describeTyping(this.rooms.typingInActiveRoom()));

  constructor() {
    // The chat store must exist before the socket connects, so it sees the first connection.
    inject(ChatStore);
    this.outbox.openFor(this.me.id);
    const stopRejected = this.socket.onRejected(() => void this.checkSession());
    this.socket.connect();
    void this.rooms.load();

    // The tab title counts unread messages, so they show while the tab is in the background.
    const title = inject(Title);
    effect(() => {
      const unread = this.rooms.rooms().reduce((sum, room) => sum + room.unread, 0);
      title.setTitle(unread > 0 ? `(${unread}) redis-chat` : 'redis-chat');
    });

    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      stopRejected();
      this.socket.disconnect();
      this.outbox.close();
    });
  }

  protected openRoom(roomId: string): void {
    this.rooms.select(roomId);
    this.phoneView.set('chat');
    // On a phone, focusing would pop up the keyboard over the conversation.
    if (!matchMedia(PHONE_LAYOUT).matches) this.composer()?.focus();
  }

  protected async openPrivateChat(userId: number): Promise<void> {
    try {
      await this.rooms.openPrivateChat(userId);
      this.phoneView.set('chat');
    } catch (error: unknown) {
      this.accountError.set(describeApiError(error));
    }
  }

  protected browseChannels(): void {
    void this.channelBrowser().open();
  }

  protected async leaveChannel(roomId: string): Promise<void> {
    try {
      await this.rooms.leaveChannel(roomId);
      this.phoneView.set('rooms');
    } catch (error: unknown) {
      this.accountError.set(describeApiError(error));
    }
  }

  protected async signOut(everywhere: boolean): Promise<void> {
    try {
      await this.auth.signOut(everywhere);
      await this.router.navigateByUrl('/sign-in');
    } catch (error: unknown) {
      this.accountError.set(describeApiError(error));
    }
  }

  /** The server closed or refused the socket: the session ended, or the server is restarting. */
  private async checkSession(): Promise<void> {
    let signedIn = true;
    try {
      signedIn = (await this.auth.restore()) !== null;
    } catch (error: unknown) {
      console.warn('Could not check the session; trying to reconnect', error);
    }
    if (!signedIn) {
      await this.router.navigateByUrl('/sign-in');

      return;
    }

    // Not in a tight loop if the server keeps refusing.
    setTimeout(() => {
      if (!this.destroyed) this.socket.connect();
    }, RECONNECT_PAUSE_MS);
  }
}

function describeTyping(names: string[]): string {
  if (names.length === 0) return '';
  if (names.length === 1) return `${names[0]} is typing…`;
  if (names.length === 2) return `${names[0]} and ${names[1]} are typing…`;

  return 'Several people are typing…';
}
