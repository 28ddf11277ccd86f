import type { INestApplication } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Browser } from 'playwright-core';
import { keys } from '../../src/redis/redis-keys.js';
import { TestRedisServer } from '../support/redis-server.js';
import { connectClient, requestOk, sessionFor } from '../support/socket-client.js';
import { startTestApp } from '../support/test-app.js';
import { ChatUser, PHONE, eventually, launchChromium } from './support/chat-browser.js';

/** Distinct texts per run, so a match can only be the message this test sent. */
const unique = (text: string) => `${text} ${Math.random().toString(36).slice(2, 8)}`;

describe('Web client', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let apps: INestApplication[] = [];
  let urlA: string;
  let urlB: string;
  let browser: Browser;
  let pablo: ChatUser;
  let joe: ChatUser;
  let mary: ChatUser;

  beforeAll(async () => {
    redisServer = await TestRedisServer.start();
    redis = redisServer.client();
    // The history test writes more messages at once than a person could.
    const a = await startTestApp(redisServer.url, { messageRateLimit: 1000 });
    const b = await startTestApp(redisServer.url, { messageRateLimit: 1000 });
    apps = [a.app, b.app];
    urlA = a.url.replace('[::1]', '127.0.0.1');
    urlB = b.url.replace('[::1]', '127.0.0.1');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(apps.map((app) => app.close()));
    await redis?.quit();
    await redisServer?.stop();
  });

  it('should serve the client on page paths and leave /api to the server', async () => {
    const page = await fetch(`${urlB}/some/deep/link`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<rc-root>');

    const api = await fetch(`${urlB}/api/no-such-endpoint`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toContain('application/json');
  });

  it('should offer the demo users on the sign-in page', async () => {
    const visitor = await ChatUser.open(browser, 'visitor');
    await visitor.page.goto(`${urlA}/`);

    // The chat needs a session, so the client sends a visitor to sign-in.
    await visitor.page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    for (const name of ['Pablo', 'Joe', 'Mary', 'Alex']) {
      await visitor.page.getByRole('button', { name: `Sign in as ${name}` }).waitFor();
    }
    await visitor.screenshot('sign-in');
    await visitor.close();
  });

  it('should explain sign-in and sign-up problems, then let a new user in', async () => {
    const visitor = await ChatUser.open(browser, 'visitor');
    const page = visitor.page;
    await page.goto(`${urlB}/sign-in`);
    await page.getByLabel('Username').fill('Pablo');
    await page.getByLabel('Password').fill('not-his-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('alert').getByText('Wrong username or password').waitFor();

    await page.getByRole('link', { name: 'Create an account' }).click();
    // Both pages have the same fields: wait for the sign-up page before typing into them.
    await page.getByRole('heading', { name: 'Create an account' }).waitFor();
    await page.getByLabel('Username').fill('pablo');
    await page.getByLabel('Password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').getByText('at least 8 characters').waitFor();
    await page.getByLabel('Password').fill('long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('alert').getByText(/taken/i).waitFor();

    const username = `newcomer_${Math.random().toString(36).slice(2, 8)}`;
    await page.getByLabel('Username').fill(username);
    await page.getByRole('button', { name: 'Create account' }).click();
    await visitor.waitForConnection('connected');
    await page.locator('.me strong', { hasText: username }).waitFor();

    await page.getByLabel('Account menu').click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    await visitor.close();
  });

  it('should exchange live messages across two instances, in General and in private', async () => {
    pablo = await ChatUser.open(browser, 'Pablo');
    joe = await ChatUser.open(browser, 'Joe');
    mary = await ChatUser.open(browser, 'Mary');
    await pablo.signIn(urlA);
    await joe.signIn(urlB);
    await mary.signIn(urlB);

    const hello = unique('Hello Joe, this is Pablo on instance A');
    await pablo.send(hello);
    await joe.waitForMessage(hello);
    const reply = unique('Hi Pablo, Joe here on instance B');
    await joe.send(reply);
    await pablo.waitForMessage(reply);
    await mary.waitForMessage(reply);

    await pablo.openPrivateChatWith('Joe');
    const secret = unique('Just between us');
    await pablo.send(secret);
    await pablo.waitForMessage(secret);
    await joe.openRoom('Pablo');
    await joe.waitForMessage(secret);
    const secretReply = unique('Understood, between us');
    await joe.send(secretReply);
    await pablo.waitForMessage(secretReply);

    // Once Mary has seen a later General message, anything private would have reached her too.
    const marker = unique('Back in General');
    await joe.openRoom('General');
    await joe.send(marker);
    await mary.waitForMessage(marker);
    for (const text of [secret, secretReply]) {
      expect(await mary.page.getByText(text).count()).toBe(0);
      expect(mary.framesReceived.some((frame) => frame.includes(text))).toBe(false);
    }
    expect(mary.framesReceived.some((frame) => frame.includes(marker))).toBe(true);

    await pablo.openRoom('General');
    for (const text of ['Shipping the release notes today', 'Looks good to me, ship it']) {
      await pablo.send(text);
      await joe.waitForMessage(text);
    }
    await pablo.screenshot('busy-chat');
  });

  it('should deliver a message written offline exactly once after reconnecting', async () => {
    const written = unique('Written on the train without signal');
    await pablo.context.setOffline(true);
    await pablo.waitForConnection('offline');
    await pablo.send(written);
    await pablo.pending(written).getByText('Waiting for connection…').waitFor();
    const missed = unique('Sent while Pablo was away');
    await joe.send(missed);
    await joe.waitForMessage(missed);

    await pablo.context.setOffline(false);
    await joe.waitForMessage(written);
    await pablo.waitForMessage(written);
    await pablo.waitForMessage(missed);
    await pablo.pending(written).waitFor({ state: 'detached' });

    // A message sent after it is delivered later than any duplicate could be.
    const after = unique('And this one after the tunnel');
    await pablo.send(after);
    await joe.waitForMessage(after);
    expect(await joe.message(written).count()).toBe(1);
    expect(await pablo.message(written).count()).toBe(1);
    expect(await pablo.message(missed).count()).toBe(1);
    const stored = await redis.zrange(keys.roomMessages('0'), 0, -1);
    const copies = stored.filter(
      (member) => (JSON.parse(member) as { message: string }).message === written,
    );
    expect(copies).toHaveLength(1);
  });

  it('should show markup as text and never create an element from it', async () => {
    const markup = '<img src=x onerror=alert(1)>';
    await pablo.send(markup);
    await joe.waitForMessage(markup);
    await pablo.waitForMessage(markup);

    for (const user of [pablo, joe]) {
      expect(await user.page.locator('img[src="x"]').count()).toBe(0);
      expect(await user.page.locator('rc-message img').count()).toBe(0);
      expect(user.dialogs).toEqual([]);
    }
  });

  it('should show edits and deletions of own messages to the others live', async () => {
    const draft = unique('Meeting at 10');
    await pablo.send(draft);
    await joe.waitForMessage(draft);

    const bubble = pablo.page.locator('rc-message', { hasText: draft });
    await bubble.hover();
    await bubble.getByRole('button', { name: 'Edit message' }).click();
    const fixed = unique('Meeting at 11');
    // While editing, the bubble holds a text box instead of the text.
    const editor = pablo.page.getByRole('textbox', { name: 'Edit message' });
    await expect(editor.inputValue()).resolves.toBe(draft);
    await editor.fill(fixed);
    await editor.press('Enter');
    await joe.waitForMessage(fixed);
    await joe.page.locator('rc-message', { hasText: fixed }).getByText('edited').waitFor();
    expect(await joe.message(draft).count()).toBe(0);

    const edited = pablo.page.locator('rc-message', { hasText: fixed });
    await edited.hover();
    await edited.getByRole('button', { name: 'Delete message' }).click();
    await edited.getByRole('button', { name: 'Yes' }).click();
    await joe.message(fixed).waitFor({ state: 'detached' });
    await pablo.message(fixed).waitFor({ state: 'detached' });
  });

  it('should show who is typing until they send', async () => {
    await joe.page.locator('#composer-text').pressSequentially('Let me think');
    await pablo.page.getByText('Joe is typing…').waitFor();

    await joe.page.locator('#composer-text').press('Enter');
    await pablo.waitForMessage('Let me think');
    await pablo.page.getByText('Joe is typing…').waitFor({ state: 'detached' });
  });

  it('should create, join and leave channels', async () => {
    const name = `launch-${Math.random().toString(36).slice(2, 6)}`;
    await pablo.page.getByRole('button', { name: 'Browse channels' }).click();
    await pablo.page.getByLabel('New channel').fill(name);
    await pablo.page.getByRole('button', { name: 'Create', exact: true }).click();
    await pablo.page.locator('.room-head h1', { hasText: `# ${name}` }).waitFor();

    await joe.page.getByRole('button', { name: 'Browse channels' }).click();
    await joe.page.getByRole('button', { name: `Join ${name}` }).click();
    await joe.page.locator('.room-head h1', { hasText: `# ${name}` }).waitFor();
    const kickoff = unique('Kick-off in the new channel');
    await joe.send(kickoff);
    await pablo.waitForMessage(kickoff);
    expect(await mary.page.getByText(kickoff).count()).toBe(0);

    await joe.page.locator('.room-head').getByRole('button', { name: 'Leave' }).click();
    await joe.page.locator('rc-room-list .name', { hasText: name }).waitFor({ state: 'detached' });
    await joe.page.locator('.room-head h1', { hasText: 'General' }).waitFor();
    await pablo.openRoom('General');
  });

  it('should load older history on scroll without gaps or repeats', async () => {
    // Mary (3) writes 120 numbered messages to Alex (4), more than two pages of history.
    const token = await sessionFor(apps[1], 3);
    const marySocket = await connectClient(urlB, token);
    const expected = Array.from({ length: 120 }, (_, index) => `History ${index + 1}`);
    for (const text of expected) {
      await requestOk(marySocket, 'message:send', {
        roomId: '3:4',
        text,
        clientMessageId: `history-${text.replace(' ', '-')}`,
      });
    }
    marySocket.close();

    const alex = await ChatUser.open(browser, 'Alex');
    await alex.signIn(urlA);
    await alex.openRoom('Mary');
    await alex.waitForMessage('History 120');
    const scroller = alex.page.getByRole('log');
    await eventually('the beginning of the conversation shows', async () => {
      await scroller.hover();
      await alex.page.mouse.wheel(0, -20_000);

      return alex.page.getByText('This is the beginning of Mary.').isVisible();
    });

    const shown = await alex.page.locator('rc-message .text').allTextContents();
    expect(shown.filter((text) => text.startsWith('History '))).toEqual(expected);
    await alex.close();
  });

  it('should show one column at a time at phone width', async () => {
    const phone = await ChatUser.open(browser, 'Alex', PHONE);
    await phone.signIn(urlA);

    await phone.page.getByRole('navigation', { name: 'Rooms' }).waitFor();
    expect(await phone.page.locator('rc-composer').isVisible()).toBe(false);
    await phone.screenshot('phone-rooms');

    await phone.openRoom('General');
    await phone.page.locator('#composer-text').waitFor();
    expect(await phone.page.getByRole('navigation', { name: 'Rooms' }).isVisible()).toBe(false);
    await phone.screenshot('phone-chat');

    await phone.page.getByRole('button', { name: 'Back to rooms' }).click();
    await phone.page.getByRole('navigation', { name: 'Rooms' }).waitFor();
    await phone.close();
  });

  it('should send every device to sign-in after signing out everywhere', async () => {
    const joeElsewhere = await ChatUser.open(browser, 'Joe', PHONE);
    await joeElsewhere.signIn(urlA);

    await joe.page.getByLabel('Account menu').click();
    await joe.page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await joe.page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    await joeElsewhere.page.getByRole('heading', { name: 'Welcome back' }).waitFor();

    const response = await joeElsewhere.page.request.get(`${urlA}/api/auth/me`);
    expect(response.status()).toBe(401);
    await joeElsewhere.close();
  });

  it('should run without uncaught errors in any page', async () => {
    for (const user of [pablo, joe, mary]) expect(user.pageErrors).toEqual([]);
    await Promise.all([pablo, joe, mary].map((user) => user.close()));
  });
});
