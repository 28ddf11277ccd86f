import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  afterNextRender,
  computed,
  inject,
  Injector,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MAX_MESSAGE_LENGTH } from '@shared/chat-events';
import type { ChatMessage } from '@shared/chat-message';
import { timeOfDay } from '../../shared/time';

/** One message bubble; the author's own messages can be edited and deleted in place. */
@Component({
  selector: 'rc-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.own]': 'own()', role: 'article', '[attr.aria-label]': 'label()' },
  template: `
    @if (showAuthor() && !own()) {
      <div class="author">{{ authorName() }}</div>
    }
    <div class="bubble">
      @if (editing()) {
        <textarea
          #editor
          aria-label="Edit message"
          [maxLength]="maxLength"
          [value]="message().message"
          (keydown)="onEditorKey($event)"
        ></textarea>
        <div class="edit-actions">
          <button type="button" (click)="saveEdit()">Save</button>
          <button type="button" class="quiet" (click)="editing.set(false)">Cancel</button>
        </div>
      } @else {
        <p class="text">{{ message().message }}</p>
      }
      <div class="meta">
        @if (own() && message().id !== undefined && !editing()) {
          <span class="actions" [class.confirming]="confirmingDelete()">
            @if (confirmingDelete()) {
              <span>Delete?</span>
              <button type="button" class="danger" (click)="confirmDelete()">Yes</button>
              <button type="button" (click)="confirmingDelete.set(false)">Keep</button>
            } @else {
              <button type="button" (click)="startEdit()" aria-label="Edit message">Edit</button>
              <button
                type="button"
                (click)="confirmingDelete.set(true)"
                aria-label="Delete message"
              >
                Delete
              </button>
            }
          </span>
        }
        @if (message().editedAt) {
          <span>edited ·</span>
        }
        <time [attr.datetime]="isoDate()">{{ time() }}</time>
      </div>
    </div>
    @if (problem()) {
      <p class="problem" role="alert">{{ problem() }}</p>
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      max-width: min(75%, 560px);
      margin-top: 2px;
    }
    :host(.own) {
      align-self: flex-end;
      align-items: flex-end;
    }
    .author {
      margin: 10px 0 3px 12px;
      font-size: 0.8rem;
      font-weight: 600;
      color: var(--rc-muted);
    }
    .bubble {
      padding: 8px 12px 6px;
      border-radius: 16px 16px 16px 4px;
      background: var(--rc-surface);
      box-shadow: 0 1px 2px rgba(29, 36, 51, 0.08);
    }
    :host(.own) .bubble {
      border-radius: 16px 16px 4px 16px;
      background: var(--rc-own);
      color: #fff;
    }
    .text {
      margin: 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      line-height: 1.4;
    }
    .meta {
      display: flex;
      justify-content: flex-end;
      align-items: center;
      gap: 4px;
      margin-top: 2px;
      font-size: 0.7rem;
    }
    .meta > span,
    .meta time {
      opacity: 0.75;
    }
    .meta > .actions {
      display: inline-flex;
      align-items: center;
      gap: 4px;
      margin-right: 6px;
      opacity: 0;
      transition: opacity 0.15s;
    }
    :host(:hover) .actions,
    .actions:focus-within,
    .actions.confirming {
      opacity: 1;
    }
    /* Touch screens have no hover: keep the actions within reach. */
    @media (hover: none) {
      .meta > .actions {
        opacity: 0.85;
      }
    }
    .actions button,
    .edit-actions button {
      padding: 1px 7px;
      border: 0;
      border-radius: 6px;
      background: rgba(255, 255, 255, 0.22);
      color: inherit;
      font-size: 0.7rem;
      cursor: pointer;
    }
    .actions button:hover {
      background: rgba(255, 255, 255, 0.35);
    }
    .actions button.danger {
      background: #fff;
      color: var(--rc-danger);
      font-weight: 700;
    }
    .edit-actions button {
      background: #fff;
      color: var(--rc-text);
    }
    textarea {
      width: min(60vw, 420px);
      min-height: 60px;
      padding: 6px 8px;
      border: 0;
      border-radius: 8px;
      color: var(--rc-text);
      resize: vertical;
    }
    .edit-actions {
      display: flex;
      justify-content: flex-end;
      gap: 6px;
      margin-top: 6px;
    }
    .problem {
      margin: 2px 0 0;
      font-size: 0.75rem;
      color: var(--rc-danger);
    }
  `,
})
export class MessageItemComponent {
  private readonly injector = inject(Injector);
  private readonly editor = viewChild<ElementRef<HTMLTextAreaElement>>('editor');

  readonly message = input.required<ChatMessage>();
  readonly own = input(false);
  readonly authorName = input.required<string>();
  readonly showAuthor = input(true);

  /** Resolve when the change was accepted; a rejection shows its message. */
  readonly edited = output<{ message: ChatMessage; text: string; done: Done }>();
  readonly deleted = output<{ message: ChatMessage; done: Done }>();

  protected readonly maxLength = MAX_MESSAGE_LENGTH;
  protected readonly editing = signal(false);
  protected readonly confirmingDelete = signal(false);
  protected readonly problem = signal<string | null>(null);
  protected readonly time = computed(() => timeOfDay(this.message().date));
  protected readonly isoDate = computed(() => new Date(this.message().date * 1000).toISOString());
  protected readonly label = computed(
    () => `${this.own() ? 'You' : this.authorName()} at ${this.time()}`,
  );

  protected startEdit(): void {
    this.editing.set(true);
    this.problem.set(null);
    afterNextRender(() => this.editor()?.nativeElement.focus(), { injector: this.injector });
  }

  protected onEditorKey(event: KeyboardEvent): void {
    if (event.key === 'Escape') this.editing.set(false);
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.saveEdit();
    }
  }

  protected saveEdit(): void {
    const text = this.editor()?.nativeElement.value.trim() ?? '';
    if (!text || text === this.message().message) return this.editing.set(false);

    this.edited.emit({
      message: this.message(),
      text,
      done: this.settle(() => this.editing.set(false)),
    });
  }

  protected confirmDelete(): void {
    this.confirmingDelete.set(false);
    this.deleted.emit({ message: this.message(), done: this.settle(() => undefined) });
  }

  private settle(onSuccess: () => void): Done {
    return (outcome) => {
      if (outcome === true) {
        this.problem.set(null);
        onSuccess();
      } else {
        this.problem.set(outcome);
      }
    };
  }
}

/** Called by whoever carried out an edit or delete: `true`, or the reason it failed. */
export type Done = (outcome: true | string) => void;
