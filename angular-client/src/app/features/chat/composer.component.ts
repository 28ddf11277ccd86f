import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  signal,
  viewChild,
} from '@angular/core';
import { MAX_MESSAGE_LENGTH } from '@shared/chat-events';
import { ChatSocket } from '../../core/chat-socket.service';
import { ChatStore } from './chat.store';

/** After this long without a keystroke the others stop seeing "typing". */
const TYPING_IDLE_MS = 3_000;

/** The message box: Enter sends, Shift+Enter starts a new line. */
@Component({
  selector: 'rc-composer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (submit)="send($event)">
      <label class="visually-hidden" for="composer-text">Message {{ roomName() }}</label>
      <textarea
        #box
        id="composer-text"
        rows="1"
        [placeholder]="'Message ' + roomName()"
        [maxLength]="maxLength"
        [value]="text()"
        (input)="onInput($event)"
        (keydown)="onKey($event)"
        aria-describedby="composer-help"
      ></textarea>
      <span id="composer-help" class="visually-hidden">
        Press Enter to send and Shift+Enter for a new line.
      </span>
      <button type="submit" [disabled]="!canSend()" aria-label="Send message">
        <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M3 20l18-8L3 4v6l12 2-12 2z" /></svg>
      </button>
    </form>
    @if (remaining() < 200) {
      <p class="count" aria-live="polite">{{ remaining() }} characters left</p>
    }
  `,
  styles: `
    :host {
      display: block;
      padding: 10px 16px 14px;
      border-top: 1px solid var(--rc-border);
      background: var(--rc-surface);
    }
    form {
      display: flex;
      align-items: flex-end;
      gap: 10px;
    }
    textarea {
      flex: 1;
      field-sizing: content;
      min-height: 42px;
      max-height: 160px;
      padding: 10px 14px;
      border: 1px solid var(--rc-border);
      border-radius: 12px;
      background: var(--rc-bg);
      resize: none;
      line-height: 1.4;
    }
    button {
      display: grid;
      place-items: center;
      width: 42px;
      height: 42px;
      border: 0;
      border-radius: 12px;
      background: var(--rc-accent);
      cursor: pointer;
    }
    button:disabled {
      background: #d5d9e2;
      cursor: default;
    }
    svg {
      width: 20px;
      height: 20px;
      fill: #fff;
    }
    .count {
      margin: 4px 0 0;
      font-size: 0.75rem;
      color: var(--rc-muted);
      text-align: right;
    }
  `,
})
export class ComposerComponent {
  private readonly store = inject(ChatStore);
  private readonly socket = inject(ChatSocket);
  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');

  readonly roomId = input.required<string>();
  readonly roomName = input.required<string>();

  protected readonly maxLength = MAX_MESSAGE_LENGTH;
  protected readonly text = signal('');
  protected readonly canSend = computed(() => this.text().trim().length > 0);
  protected readonly remaining = computed(() => MAX_MESSAGE_LENGTH - this.text().length);

  /** The room this tab has told others it is typing in, if any. */
  private typingIn: string | null = null;
  private idleTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopTyping());
  }

  focus(): void {
    this.box().nativeElement.focus();
  }

  protected onInput(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
    if (!this.text().trim()) return this.stopTyping();

    if (this.typingIn !== this.roomId()) {
      this.stopTyping();
      this.typingIn = this.roomId();
      this.socket.notify('typing:start', { roomId: this.typingIn });
    }
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  protected onKey(event: KeyboardEvent): void {
    // While an input method composes (e.g. Japanese), Enter confirms the composition.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;

    event.preventDefault();
    this.send();
  }

  protected send(event?: Event): void {
    event?.preventDefault();
    const text = this.text().trim();
    if (!text) return;

    this.store.send(this.roomId(), text);
    this.text.set('');
    this.box().nativeElement.value = '';
    this.stopTyping();
  }

  private stopTyping(): void {
    clearTimeout(this.idleTimer);
    if (this.typingIn === null) return;

    this.socket.notify('typing:stop', { roomId: this.typingIn });
    this.typingIn = null;
  }
}
