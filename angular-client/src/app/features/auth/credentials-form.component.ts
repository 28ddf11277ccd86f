import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import type { Credentials } from './auth-api.service';

/** The username and password fields shared by sign-in and sign-up. */
@Component({
  selector: 'rc-credentials-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form (submit)="submit($event)" [attr.aria-busy]="busy()" novalidate>
      <label for="username">Username</label>
      <input
        id="username"
        name="username"
        autocomplete="username"
        autocapitalize="none"
        spellcheck="false"
        required
        [value]="username()"
        (input)="username.set(valueOf($event))"
        [attr.aria-describedby]="hints() ? 'username-hint' : null"
      />
      @if (hints()) {
        <p id="username-hint" class="hint">3 to 32 letters, digits, dots, dashes or underscores.</p>
      }

      <label for="password">Password</label>
      <input
        id="password"
        name="password"
        type="password"
        required
        [attr.autocomplete]="newPassword() ? 'new-password' : 'current-password'"
        [value]="password()"
        (input)="password.set(valueOf($event))"
        [attr.aria-describedby]="hints() ? 'password-hint' : null"
      />
      @if (hints()) {
        <p id="password-hint" class="hint">At least 8 characters.</p>
      }

      @if (error()) {
        <p class="error" role="alert">{{ error() }}</p>
      }

      <button type="submit" [disabled]="busy()">
        {{ busy() ? 'Please wait…' : submitLabel() }}
      </button>
    </form>
  `,
  styles: `
    form {
      display: flex;
      flex-direction: column;
      gap: 6px;
    }
    label {
      font-weight: 600;
      font-size: 0.9rem;
      margin-top: 10px;
    }
    input {
      padding: 10px 12px;
      border: 1px solid var(--rc-border);
      border-radius: 8px;
      background: #fff;
    }
    .hint {
      margin: 0;
      font-size: 0.8rem;
      color: var(--rc-muted);
    }
    .error {
      margin: 12px 0 0;
      padding: 10px 12px;
      border-radius: 8px;
      background: #fff0f0;
      color: var(--rc-danger);
      font-size: 0.9rem;
    }
    button {
      margin-top: 18px;
      padding: 11px;
      border: 0;
      border-radius: 8px;
      background: var(--rc-accent);
      color: #fff;
      font-weight: 600;
      cursor: pointer;
    }
    button:disabled {
      opacity: 0.7;
      cursor: progress;
    }
  `,
})
export class CredentialsFormComponent {
  readonly submitLabel = input.required<string>();
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  /** Sign-up shows the rules and asks the browser for a new password. */
  readonly newPassword = input(false);
  readonly hints = this.newPassword;

  readonly submitted = output<Credentials>();

  protected readonly username = signal('');
  protected readonly password = signal('');

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;

    this.submitted.emit({ username: this.username().trim(), password: this.password() });
  }
}
