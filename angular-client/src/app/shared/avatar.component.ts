import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

const HUES = [340, 24, 200, 140, 265, 190, 45, 300];

/** A round initial with a colour derived from the name, optionally with an online dot. */
@Component({
  selector: 'rc-avatar',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'aria-hidden': 'true', '[style.--hue]': 'hue()' },
  template: `{{ initial() }}
    @if (online() !== null) {
      <span class="presence" [class.online]="online()"></span>
    }`,
  styles: `
    :host {
      position: relative;
      display: inline-grid;
      place-items: center;
      flex: none;
      width: 36px;
      height: 36px;
      border-radius: 50%;
      background: hsl(var(--hue) 70% 92%);
      color: hsl(var(--hue) 55% 35%);
      font-weight: 700;
    }
    .presence {
      position: absolute;
      right: -1px;
      bottom: -1px;
      width: 11px;
      height: 11px;
      border: 2px solid var(--rc-surface);
      border-radius: 50%;
      background: #adb5bd;
    }
    .presence.online {
      background: var(--rc-online);
    }
  `,
})
export class AvatarComponent {
  readonly name = input.required<string>();
  /** `null` hides the presence dot (General, channels). */
  readonly online = input<boolean | null>(null);

  protected readonly initial = computed(() => (this.name().trim().charAt(0) || '#').toUpperCase());
  protected readonly hue = computed(() => {
    let sum = 0;
    for (const char of this.name()) sum += char.charCodeAt(0);

    return HUES[sum % HUES.length];
  });
}
