import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ConnectionState } from '../core/chat-socket.service';

const LABELS: Record<ConnectionState, string> = {
  idle: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** A small dot and word showing whether live updates are flowing. */
@Component({
  selector: 'rc-connection-status',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'status', 'aria-live': 'polite', '[attr.data-state]': 'state()' },
  template: `<span class="dot" aria-hidden="true"></span>{{ label() }}`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 6px;
      padding: 3px 10px;
      border-radius: 999px;
      font-size: 0.75rem;
      font-weight: 600;
      background: #fff4e6;
      color: #b35c00;
      white-space: nowrap;
    }
    :host([data-state='connected']) {
      background: #ebfbee;
      color: #2b8a3e;
    }
    :host([data-state='offline']),
    :host([data-state='idle']) {
      background: #fff0f0;
      color: var(--rc-danger);
    }
    .dot {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: currentColor;
    }
  `,
})
export class ConnectionStatusComponent {
  readonly state = input.required<ConnectionState>();

  protected readonly label = computed(() => LABELS[this.state()]);
}
