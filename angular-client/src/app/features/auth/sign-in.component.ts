import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { describeApiError } from '../../core/api-error';
import { AuthApi, type Credentials } from './auth-api.service';
import { AUTH_CARD_STYLES } from './auth-card.styles';
import { CredentialsFormComponent } from './credentials-form.component';

/** The password every demo account is created with. */
const DEMO_PASSWORD = 'password123';

@Component({
  selector: 'rc-sign-in',
  imports: [CredentialsFormComponent, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main>
      <div class="brand"><img src="favicon.svg" alt="" /> redis-chat</div>
      <h1>Welcome back</h1>
      <p class="lead">Sign in to continue the conversation.</p>

      @if (demoUsers().length > 0) {
        <section class="demo" aria-labelledby="demo-title">
          <h2 id="demo-title">Try a demo account</h2>
          <div class="demo-users">
            @for (name of demoUsers(); track name) {
              <button
                type="button"
                [disabled]="busy()"
                (click)="signIn({ username: name, password: demoPassword })"
                [attr.aria-label]="'Sign in as ' + name"
              >
                <span class="avatar" aria-hidden="true">{{ name.charAt(0) }}</span>{{ name }}
              </button>
            }
          </div>
          <p class="or"><span>or with your account</span></p>
        </section>
      }

      <rc-credentials-form
        submitLabel="Sign in"
        [busy]="busy()"
        [error]="error()"
        (submitted)="signIn($event)"
      />
      <p class="switch">New here? <a routerLink="/sign-up">Create an account</a></p>
    </main>
  `,
  styles: [
    AUTH_CARD_STYLES,
    `
      .demo h2 {
        margin: 18px 0 10px;
        font-size: 0.8rem;
        text-transform: uppercase;
        letter-spacing: 0.06em;
        color: var(--rc-muted);
      }
      .demo-users {
        display: grid;
        grid-template-columns: repeat(2, 1fr);
        gap: 8px;
      }
      .demo-users button {
        display: flex;
        align-items: center;
        gap: 10px;
        padding: 8px 10px;
        border: 1px solid var(--rc-border);
        border-radius: 10px;
        background: #fff;
        cursor: pointer;
        font-weight: 600;
      }
      .demo-users button:hover {
        border-color: var(--rc-accent);
        background: var(--rc-accent-soft);
      }
      .avatar {
        display: grid;
        place-items: center;
        width: 28px;
        height: 28px;
        border-radius: 50%;
        background: var(--rc-accent-soft);
        color: var(--rc-accent);
      }
      .or {
        display: flex;
        align-items: center;
        gap: 10px;
        margin: 18px 0 0;
        font-size: 0.8rem;
        color: var(--rc-muted);
      }
      .or::before,
      .or::after {
        content: '';
        flex: 1;
        border-top: 1px solid var(--rc-border);
      }
    `,
  ],
})
export class SignInComponent {
  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);

  protected readonly demoPassword = DEMO_PASSWORD;
  protected readonly demoUsers = signal<string[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    void this.api.demoUsernames().then((names) => this.demoUsers.set(names));
  }

  protected async signIn(credentials: Credentials): Promise<void> {
    if (!credentials.username || !credentials.password) {
      this.error.set('Enter your username and password.');

      return;
    }

    this.busy.set(true);
    this.error.set(null);
    try {
      await this.api.signIn(credentials);
      await this.router.navigateByUrl('/');
    } catch (error: unknown) {
      this.error.set(describeApiError(error));
    } finally {
      this.busy.set(false);
    }
  }
}
