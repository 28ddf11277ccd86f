import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { clientBuildDir } from '../../../src/client/static-client.js';

/** Debian's Chromium, which the test machines install with apt. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const SCREENSHOT_DIR = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'test-artifacts',
  'screenshots',
);

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/** How long a user-visible effect (a delivered message, a reconnect) may take. */
const UI_TIMEOUT_MS = 15_000;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(join(clientBuildDir(), 'index.html'))) {
    throw new Error('The web client is not built; run "npm run build:client" first');
  }

  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** One person in one browser context, with the page of the app they use. */
export class ChatUser {
  /** Every Socket.IO frame this page received, to prove what never reached it. */
  readonly framesReceived: string[] = [];
  /** Any `alert()` or other dialog the page opened. */
  readonly dialogs: string[] = [];
  /** Uncaught exceptions in the page. */
  readonly pageErrors: string[] = [];

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => this.framesReceived.push(String(payload))),
    );
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      this.dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }

  static async open(
    browser: Browser,
    name: string,
    viewport: { width: number; height: number } = DESKTOP,
  ): Promise<ChatUser> {
    const context = await browser.newContext({ viewport, locale: 'en-GB' });
    context.setDefaultTimeout(UI_TIMEOUT_MS);

    return new ChatUser(name, context, await context.newPage());
  }

  /** Signs in with the demo account's one-click button and waits for the live connection. */
  async signIn(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/sign-in`);
    await this.page.getByRole('button', { name: `Sign in as ${this.name}` }).click();
    await this.waitForConnection('connected');
  }

  async waitForConnection(state: 'connected' | 'offline'): Promise<void> {
    await this.page.locator(`rc-connection-status[data-state="${state}"]`).first().waitFor();
  }

  async openRoom(name: string): Promise<void> {
    const title = new RegExp(`^(# )?${name}$`);
    await this.page
      .locator('rc-room-list button.room')
      .filter({ has: this.page.locator('.name', { hasText: title }) })
      .click();
    await this.page.locator('.room-head h1', { hasText: title }).waitFor();
  }

  async openPrivateChatWith(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Message ${name}` }).click();
    await this.page.locator('.room-head h1', { hasText: new RegExp(`^${name}$`) }).waitFor();
  }

  /** Types into the composer and presses Enter, as a person would. */
  async send(text: string): Promise<void> {
    const box = this.page.locator('#composer-text');
    await box.fill(text);
    await box.press('Enter');
  }

  /** The delivered messages (not the pending ones) with exactly this text. */
  message(text: string): Locator {
    return this.page.locator('rc-message .text').getByText(text, { exact: true });
  }

  async waitForMessage(text: string): Promise<void> {
    await this.message(text).first().waitFor();
  }

  pending(text: string): Locator {
    return this.page.locator('[data-testid="pending-message"]', { hasText: text });
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

/** Polls until `check` holds, failing with `what` after the deadline. */
export async function eventually(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = UI_TIMEOUT_MS,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
