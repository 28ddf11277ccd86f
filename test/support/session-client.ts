import request from 'supertest';

/** What a test needs to act as a signed-in user, by cookie or by bearer token. */
export interface TestSession {
  userId: number;
  username: string;
  token: string;
  /** A `Cookie` header with the session and CSRF cookies, as a browser would send. */
  cookie: string;
  /** The XSRF-TOKEN cookie value, to repeat in `X-XSRF-TOKEN`. */
  csrf: string;
}

export const DEMO_PASSWORD = 'password123';

export async function signIn(
  url: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<TestSession> {
  const response = await request(url)
    .post('/api/auth/sign-in')
    .send({ username, password })
    .expect(200);

  return sessionFrom(response);
}

export async function signUp(
  url: string,
  username: string,
  password: string,
): Promise<TestSession> {
  const response = await request(url)
    .post('/api/auth/sign-up')
    .send({ username, password })
    .expect(201);

  return sessionFrom(response);
}

/** Reads `name=value` pairs from Set-Cookie headers. */
export function cookiesOf(response: request.Response): Map<string, string> {
  const header = response.headers['set-cookie'] as unknown as string[] | undefined;
  const cookies = new Map<string, string>();
  for (const line of header ?? []) {
    const [pair] = line.split(';');
    const separator = pair.indexOf('=');
    cookies.set(pair.slice(0, separator), decodeURIComponent(pair.slice(separator + 1)));
  }

  return cookies;
}

function sessionFrom(response: request.Response): TestSession {
  const body = response.body as { user: { id: number; username: string }; token: string };
  const cookies = cookiesOf(response);
  const csrf = cookies.get('XSRF-TOKEN') ?? '';

  return {
    userId: body.user.id,
    username: body.user.username,
    token: body.token,
    cookie: `chat_session=${cookies.get('chat_session')}; XSRF-TOKEN=${csrf}`,
    csrf,
  };
}
