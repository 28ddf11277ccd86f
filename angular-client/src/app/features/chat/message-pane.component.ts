import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  afterRenderEffect,
  computed,
  effect,
  inject,
  viewChild,
} from '@angular/core';
import type { ChatMessage } from '@shared/chat-message';
import { ChatRequestError, ChatSocket } from '../../core/chat-socket.service';
import { OutboxStore } from '../../core/outbox.store';
import { SessionStore } from '../../core/session.store';
import { dayKey, dayLabel } from '../../shared/time';
import { RoomsStore } from '../rooms/rooms.store';
import { ChatStore } from './chat.store';
import { MessageItemComponent, type Done } from './message-item.component';

/** Consecutive messages of one author within this many seconds share one name label. */
const GROUP_WINDOW_SECONDS = 5 * 60;
/** Older history loads when the reader is this close to the top. */
const LOAD_MARGIN_PX = 150;

interface DayGroup {
  key: string;
  label: string;
  items: { message: ChatMessage; own: boolean; showAuthor: boolean; key: string }[];
}

/** The active room's messages, grouped by day, with history loading on scroll up. */
@Component({
  selector: 'rc-message-pane',
  imports: [MessageItemComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div
      #scroller
      class="scroller"
      role="log"
      aria-live="polite"
      [attr.aria-label]="'Messages in ' + roomName()"
      [attr.aria-busy]="!timeline().ready || timeline().loadingOlder"
      tabindex="0"
      (scroll)="onScroll()"
    >
      @if (timeline().loadingOlder) {
        <p class="note">Loading earlier messages…</p>
      } @else if (timeline().ready && !timeline().hasMore) {
        <p class="note">This is the beginning of {{ roomName() }}.</p>
      }
      @if (timeline().error) {
        <p class="note error" role="alert">{{ timeline().error }}</p>
      }

      @for (day of days(); track day.key) {
        <section class="day" [attr.aria-label]="day.label">
          <h3 class="day-label">
            <span>{{ day.label }}</span>
          </h3>
          @for (item of day.items; track item.key) {
            <rc-message
              [message]="item.message"
              [own]="item.own"
              [showAuthor]="item.showAuthor"
              [authorName]="rooms.userName(item.message.from)"
              (edited)="edit($event.message, $event.text, $event.done)"
              (deleted)="remove($event.message, $event.done)"
            />
          }
        </section>
      }

      @for (entry of store.activePending(); track entry.clientMessageId) {
        <div class="pending" [class.failed]="entry.failure" data-testid="pending-message">
          <p class="text">{{ entry.text }}</p>
          @if (entry.failure) {
            <p class="status" role="alert">
              Not sent: {{ entry.failure }}
              <button type="button" (click)="outbox.retry(entry.clientMessageId)">Retry</button>
              <button type="button" (click)="outbox.discard(entry.clientMessageId)">Discard</button>
            </p>
          } @else {
            <p class="status">{{ connected() ? 'Sending…' : 'Waiting for connection…' }}</p>
          }
        </div>
      }
    </div>
  `,
  styles: `
    :host {
      display: flex;
      flex: 1;
      min-height: 0;
    }
    .scroller {
      display: flex;
      flex-direction: column;
      flex: 1;
      gap: 2px;
      padding: 12px 20px 16px;
      overflow-y: auto;
      overscroll-behavior: contain;
    }
    .day {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .day-label {
      position: sticky;
      top: 0;
      z-index: 1;
      margin: 14px 0 6px;
      pointer-events: none;
      text-align: center;
      font-size: 0.72rem;
      font-weight: 600;
    }
    .day-label span {
      padding: 3px 10px;
      border-radius: 999px;
      background: #e9ecf3;
      color: var(--rc-muted);
      box-shadow: 0 1px 3px rgba(29, 36, 51, 0.12);
    }
    .note {
      margin: 8px 0;
      text-align: center;
      font-size: 0.8rem;
      color: var(--rc-muted);
    }
    .note.error {
      color: var(--rc-danger);
    }
    .pending {
      align-self: flex-end;
      max-width: min(75%, 560px);
      margin-top: 4px;
      padding: 8px 12px 6px;
      border: 1px dashed var(--rc-own);
      border-radius: 16px 16px 4px 16px;
      background: var(--rc-accent-soft);
    }
    .pending.failed {
      border-color: var(--rc-danger);
    }
    .pending .text {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .pending .status {
      margin: 2px 0 0;
      font-size: 0.7rem;
      color: var(--rc-muted);
      text-align: right;
    }
    .pending button {
      margin-left: 4px;
      padding: 1px 6px;
      border: 0;
      border-radius: 6px;
      background: #fff;
      cursor: pointer;
      font-size: 0.7rem;
    }
  `,
})
export class MessagePaneComponent {
  protected readonly store = inject(ChatStore);
  protected readonly rooms = inject(RoomsStore);
  protected readonly outbox = inject(OutboxStore);
  private readonly me = inject(SessionStore).requireUser();
  private readonly scroller = viewChild.required<ElementRef<HTMLElement>>('scroller');

  private readonly socket = inject(ChatSocket);

  protected readonly connected = computed(() => this.socket.state() === 'connected');

  protected readonly timeline = this.store.activeTimeline;
  protected readonly roomName = computed(() => this.rooms.activeRoom()?.name ?? 'this room');
  protected readonly days = computed(() => groupByDay(this.timeline().messages, this.me.id));

  /** Whether the reader is at the bottom, so new messages should keep the view there. */
  private followLatest = true;
  /** Distance from the bottom before older messages were added above, to keep the view still. */
  private keepFromBottom: number | null = null;
  private pendingShown = 0;

  constructor() {
    const destroyRef = inject(DestroyRef);
    effect(() => {
      this.rooms.activeRoomId();
      this.followLatest = true;
      this.keepFromBottom = null;
    });

    // A pane that was hidden (the phone's room list) or resized keeps the newest message in view.
    afterNextRender(() => {
      const element = this.scroller().nativeElement;
      const observer = new ResizeObserver(() => {
        if (this.followLatest) element.scrollTop = element.scrollHeight;
      });
      observer.observe(element);
      destroyRef.onDestroy(() => observer.disconnect());
    });

    afterRenderEffect({
      write: () => {
        this.days();
        // Writing a message means the writer wants to see it, wherever they had scrolled.
        const pending = this.store.activePending().length;
        if (pending > this.pendingShown) this.followLatest = true;
        this.pendingShown = pending;
        const element = this.scroller().nativeElement;
        if (this.keepFromBottom !== null) {
          element.scrollTop = element.scrollHeight - this.keepFromBottom;
          this.keepFromBottom = null;
        } else if (this.followLatest) {
          element.scrollTop = element.scrollHeight;
        }
        // A short first page leaves nothing to scroll; fetch more until the pane fills.
        if (element.scrollHeight <= element.clientHeight) void this.loadOlder();
      },
    });
  }

  protected onScroll(): void {
    const element = this.scroller().nativeElement;
    const fromBottom = element.scrollHeight - element.scrollTop - element.clientHeight;
    this.followLatest = fromBottom < 40;
    if (element.scrollTop < LOAD_MARGIN_PX) void this.loadOlder();
  }

  protected async edit(message: ChatMessage, text: string, done: Done): Promise<void> {
    await this.settle(() => this.store.edit(message, text), done);
  }

  protected async remove(message: ChatMessage, done: Done): Promise<void> {
    await this.settle(() => this.store.remove(message), done);
  }

  private async loadOlder(): Promise<void> {
    const timeline = this.timeline();
    if (!timeline.ready || !timeline.hasMore || timeline.loadingOlder) return;

    const element = this.scroller().nativeElement;
    const roomId = this.rooms.activeRoomId();
    const fromBottom = element.scrollHeight - element.scrollTop;
    await this.store.loadOlder(roomId);
    if (this.rooms.activeRoomId() === roomId) this.keepFromBottom = fromBottom;
  }

  private async settle(action: () => Promise<void>, done: Done): Promise<void> {
    try {
      await action();
      done(true);
    } catch (error: unknown) {
      done(error instanceof ChatRequestError ? error.message : 'That did not work. Try again.');
    }
  }
}

function groupByDay(messages: ChatMessage[], myId: number): DayGroup[] {
  const days: DayGroup[] = [];
  let previous: ChatMessage | undefined;
  for (const [index, message] of messages.entries()) {
    const key = dayKey(message.date);
    let day = days.at(-1);
    if (day?.key !== key) {
      day = { key, label: dayLabel(message.date), items: [] };
      days.push(day);
      previous = undefined;
    }
    const continues =
      previous?.from === message.from && message.date - previous.date < GROUP_WINDOW_SECONDS;
    day.items.push({
      message,
      own: message.from === myId,
      showAuthor: !continues,
      key: message.id !== undefined ? `#${message.id}` : `${index}|${message.date}`,
    });
    previous = message;
  }

  return days;
}
