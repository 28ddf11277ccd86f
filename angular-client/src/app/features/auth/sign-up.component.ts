import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { describeApiError } from '../../core/api-error';
import { AuthApi, type Credentials } from './auth-api.service';
import { AUTH_CARD_STYLES } from './auth-card.styles';
import { CredentialsFormComponent } from './credentials-form.component';

const USERNAME_RULE = /^[A-Za-z0-9_.-]{3,32}$/;
const MIN_PASSWORD_LENGTH = 8;
const MAX_PASSWORD_BYTES = 72;

@Component({
  selector: 'rc-sign-up',
  imports: [CredentialsFormComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main>
      <div class="brand"><img src="favicon.svg" alt="" /> redis-chat</div>
      <h1>Create an account</h1>
      <p class="lead">Pick a name people will recognise.</p>
      <rc-credentials-form
        submitLabel="Create account"
        [newPassword]="true"
        [busy]="busy()"
        [error]="error()"
        (submitted)="signUp($event)"
      />
      <p class="switch">Already have an account? <a routerLink="/sign-in">Sign in</a></p>
    </main>
  `,
  styles: AUTH_CARD_STYLES,
})
export class SignUpComponent {
  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);

  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  protected async signUp(credentials: Credentials): Promise<void> {
    const problem = checkCredentials(credentials);
    if (problem) {
      this.error.set(problem);

      return;
    }

    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.signUp(credentials);
      await this.router.navigateByUrl('/');
    } catch (error: unknown) {
      this.error.set(describeApiError(error));
    } finally {
      this.busy.set(false);
    }
  }
}

/** The server checks the same rules; checking here saves a round trip and explains them. */
function checkCredentials({ username, password }: Credentials): string | null {
  if (!USERNAME_RULE.test(username)) {
    return 'Usernames have 3 to 32 letters, digits, dots, dashes or underscores.';
  }
  if (password.length < MIN_PASSWORD_LENGTH) return 'Passwords need at least 8 characters.';
  if (new TextEncoder().encode(password).length > MAX_PASSWORD_BYTES) {
    return 'That password is too long (72 bytes at most).';
  }

  return null;
}
