import type { INestApplication } from '@nestjs/common';
import type { Redis } from 'ioredis';
import request from 'supertest';
import {
  MAX_FAILED_SIGN_INS_PER_ACCOUNT,
  MAX_FAILED_SIGN_INS_PER_ADDRESS,
} from '../src/modules/auth/login-throttle.service.js';
import { TestRedisServer } from './support/redis-server.js';
import { cookiesOf, signIn, signUp } from './support/session-client.js';
import { collectEvents, startTestApp } from './support/test-app.js';

describe('Auth API', () => {
  let redisServer: TestRedisServer;
  let redis: Redis;
  let apps: INestApplication[];
  let url: string;

  beforeEach(async () => {
    redisServer = await TestRedisServer.start();
    redis = redisServer.client();
    apps = [];
    url = await start();
  });

  afterEach(async () => {
    await Promise.all(apps.map((app) => app.close()));
    await redis.quit();
    await redisServer.stop();
  });

  async function start(): Promise<string> {
    const started = await startTestApp(redisServer.url);
    apps.push(started.app);

    return started.url;
  }

  function failSignIn(target: string, username: string) {
    return request(target).post('/api/auth/sign-in').send({ username, password: 'not-the-one' });
  }

  it('should sign up, then answer /me through the cookie and through a bearer token', async () => {
    const session = await signUp(url, 'Ada', 'correct horse battery');

    expect(session.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await request(url)
      .get('/api/auth/me')
      .set('Cookie', session.cookie)
      .expect(200, { id: session.userId, username: 'Ada' });
    await request(url)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${session.token}`)
      .expect(200, { id: session.userId, username: 'Ada' });
    expect(await redis.hget(`user:${session.userId}`, 'password')).toMatch(/^\$2[aby]\$1\d\$/);
  });

  it('should set an HttpOnly SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const response = await request(url)
      .post('/api/auth/sign-in')
      .send({ username: 'Pablo', password: 'password123' })
      .expect(200);

    const lines = response.headers['set-cookie'] as unknown as string[];
    const session = lines.find((line) => line.startsWith('chat_session='));
    const csrf = lines.find((line) => line.startsWith('XSRF-TOKEN='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).not.toMatch(/Secure/);
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(cookiesOf(response).get('chat_session')).toBe(
      (response.body as { token: string }).token,
    );
  });

  it('should mark the cookies Secure when configured to', async () => {
    const { app, url: secureUrl } = await startTestApp(redisServer.url, { cookieSecure: true });
    apps.push(app);

    const response = await request(secureUrl)
      .post('/api/auth/sign-in')
      .send({ username: 'Pablo', password: 'password123' })
      .expect(200);

    const lines = response.headers['set-cookie'] as unknown as string[];
    expect(lines.every((line) => /;\s*Secure/.test(line))).toBe(true);
  });

  it('should never create an account when signing in with an unknown name', async () => {
    await failSignIn(url, 'Nobody').expect(401);

    expect(await redis.get('total_users')).toBe('4');
    expect(await redis.exists('username:Nobody')).toBe(0);
  });

  it('should answer an unknown user and a wrong password with the same status and body', async () => {
    const unknown = await failSignIn(url, 'Nobody');
    const wrong = await failSignIn(url, 'Pablo');

    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body).toEqual({
      statusCode: 401,
      message: 'Wrong username or password',
      error: 'Unauthorized',
    });
  });

  it('should sign in regardless of the letter case of the name', async () => {
    const session = await signIn(url, 'pABLO');

    expect(session).toMatchObject({ userId: 1, username: 'Pablo' });
  });

  it('should refuse a taken username in any letter case', async () => {
    const response = await request(url)
      .post('/api/auth/sign-up')
      .send({ username: 'pablo', password: 'long enough' })
      .expect(409);

    expect(response.body).toMatchObject({ statusCode: 409, message: expect.any(String) });
  });

  it.each([
    [{ username: 'ab', password: 'long enough' }, /username/],
    [{ username: 'bad:name', password: 'long enough' }, /username/],
    [{ username: 'Valid', password: 'short' }, /password/],
    [{ username: 'Valid', password: '€'.repeat(25) }, /password/],
    [{ username: 'Valid', password: 'long enough', admin: true }, /admin/],
    [{ username: 42, password: 'long enough' }, /username/],
  ])('should refuse the sign-up %j with a readable 400', async (body, message) => {
    const response = await request(url).post('/api/auth/sign-up').send(body).expect(400);

    expect(response.body).toMatchObject({ statusCode: 400, message });
    expect(typeof (response.body as { message: unknown }).message).toBe('string');
  });

  it('should accept a password of exactly 72 bytes of multi-byte text', async () => {
    const password = '€'.repeat(24);
    await signUp(url, 'Euro', password);

    await signIn(url, 'Euro', password);
  });

  it('should not let a longer password pass because bcrypt ignores bytes after 72', async () => {
    const password = 'x'.repeat(72);
    await signUp(url, 'Long', password);

    await request(url)
      .post('/api/auth/sign-in')
      .send({ username: 'Long', password: `${password}extra` })
      .expect(401);
  });

  it('should start a new session on every sign-in', async () => {
    const first = await signIn(url, 'Joe');
    const second = await signIn(url, 'Joe');

    expect(first.token).not.toBe(second.token);
    expect(await redis.scard('user:2:sessions')).toBe(2);
  });

  it('should require X-XSRF-TOKEN on cookie-authenticated changes, but not with a bearer', async () => {
    const cookieSession = await signIn(url, 'Mary');
    const bearerSession = await signIn(url, 'Mary');

    const refused = await request(url)
      .post('/api/auth/sign-out')
      .set('Cookie', cookieSession.cookie)
      .expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, message: expect.stringMatching(/XSRF/) });
    await request(url)
      .post('/api/auth/sign-out')
      .set('Cookie', cookieSession.cookie)
      .set('X-XSRF-TOKEN', 'A'.repeat(43))
      .expect(403);
    await request(url)
      .post('/api/auth/sign-out')
      .set('Cookie', cookieSession.cookie)
      .set('X-XSRF-TOKEN', cookieSession.csrf)
      .expect(204);
    await request(url)
      .post('/api/auth/sign-out')
      .set('Authorization', `Bearer ${bearerSession.token}`)
      .expect(204);
  });

  it('should reject the old cookie after sign-out and publish session.ended', async () => {
    const session = await signIn(url, 'Alex');
    const ended = collectEvents(apps[0], 'session.ended');

    await request(url)
      .post('/api/auth/sign-out')
      .set('Cookie', session.cookie)
      .set('X-XSRF-TOKEN', session.csrf)
      .expect(204);

    await request(url).get('/api/auth/me').set('Cookie', session.cookie).expect(401);
    await request(url)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${session.token}`)
      .expect(401);
    expect(ended).toEqual([{ userId: 4, digest: expect.any(String) }]);
  });

  it('should reject every session of the user after sign-out everywhere', async () => {
    const first = await signIn(url, 'Pablo');
    const second = await signIn(url, 'Pablo');
    const other = await signIn(url, 'Joe');
    const allEnded = collectEvents(apps[0], 'session.all-ended');

    await request(url)
      .post('/api/auth/sign-out-everywhere')
      .set('Authorization', `Bearer ${second.token}`)
      .expect(204);

    await request(url).get('/api/auth/me').set('Cookie', first.cookie).expect(401);
    await request(url)
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${second.token}`)
      .expect(401);
    await request(url).get('/api/auth/me').set('Cookie', other.cookie).expect(200);
    expect(allEnded).toEqual([{ userId: 1 }]);
  });

  it('should throttle failed sign-ins per account across two instances, with Retry-After', async () => {
    const second = await start();
    const instances = [url, second];

    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS_PER_ACCOUNT; attempt++) {
      await failSignIn(instances[attempt % 2], 'Pablo').expect(401);
    }

    for (const target of instances) {
      const response = await request(target)
        .post('/api/auth/sign-in')
        .send({ username: 'pablo', password: 'password123' })
        .expect(429);
      const retryAfter = Number(response.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(response.body).toMatchObject({ statusCode: 429, message: expect.any(String) });
    }
    await signIn(url, 'Joe');
  });

  it('should count only failures: successful sign-ins do not use up the allowance', async () => {
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS_PER_ACCOUNT + 2; attempt++) {
      await signIn(url, 'Mary');
    }
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS_PER_ACCOUNT - 1; attempt++) {
      await failSignIn(url, 'Mary').expect(401);
    }

    await signIn(url, 'Mary');
  });

  it('should throttle failed sign-ins per client address across account names', async () => {
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS_PER_ADDRESS; attempt++) {
      await failSignIn(url, `guess${attempt}`).expect(401);
    }

    const response = await failSignIn(url, 'another').expect(429);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('should take the client address from a trusted proxy, and only then', async () => {
    const { app, url: proxiedUrl } = await startTestApp(redisServer.url, { trustProxy: 1 });
    apps.push(app);
    const from = (address: string, username: string) =>
      failSignIn(proxiedUrl, username).set('X-Forwarded-For', address);

    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS_PER_ADDRESS; attempt++) {
      await from('203.0.113.7', `guess${attempt}`).expect(401);
    }

    await from('203.0.113.7', 'another').expect(429);
    await from('198.51.100.4', 'another').expect(401);

    // Without TRUST_PROXY the header is ignored: changing it does not escape the limit.
    for (let attempt = 0; attempt < MAX_FAILED_SIGN_INS_PER_ADDRESS; attempt++) {
      await failSignIn(url, `spoof${attempt}`).set('X-Forwarded-For', `192.0.2.${attempt}`);
    }
    await failSignIn(url, 'spoofed').set('X-Forwarded-For', '192.0.2.200').expect(429);
  });

  it('should list the demo users for quick sign-in, and none when they are absent', async () => {
    await request(url)
      .get('/api/auth/demo-users')
      .expect(200, { usernames: ['Pablo', 'Joe', 'Mary', 'Alex'] });

    const { app, url: emptyUrl } = await startTestApp(redisServer.url, { seedDemoData: false });
    apps.push(app);
    await redis.flushdb();
    await request(emptyUrl).get('/api/auth/demo-users').expect(200, { usernames: [] });
  });

  it('should answer an oversized or malformed body with a JSON error', async () => {
    const big = await request(url)
      .post('/api/auth/sign-in')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'Pablo', password: 'x'.repeat(20_000) }))
      .expect(413);
    expect(big.body).toMatchObject({ statusCode: 413, message: expect.any(String) });

    const malformed = await request(url)
      .post('/api/auth/sign-in')
      .set('Content-Type', 'application/json')
      .send('{"username":')
      .expect(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, message: expect.any(String) });
    expect(JSON.stringify(malformed.body)).not.toMatch(/at .*\.js/);
  });
});
