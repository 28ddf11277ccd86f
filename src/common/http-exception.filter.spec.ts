import { BadRequestException, Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { HttpExceptionFilter } from './http-exception.filter.js';
import { RetryLaterException } from './retry-later.exception.js';

/** A response that records what the filter sends. */
class FakeResponse {
  headersSent = false;
  statusCode?: number;
  body?: unknown;
  headers: Record<string, string> = {};

  status(code: number): this {
    this.statusCode = code;

    return this;
  }

  json(body: unknown): this {
    this.body = body;

    return this;
  }

  setHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
}

function fakeHost(): { host: ArgumentsHost; sent: FakeResponse } {
  const sent = new FakeResponse();
  const host = { switchToHttp: () => ({ getResponse: () => sent }) } as unknown as ArgumentsHost;

  return { host, sent };
}

describe(HttpExceptionFilter.name, () => {
  const filter = new HttpExceptionFilter();

  // The filter logs unexpected errors by design; keep the test output quiet.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['error', 'warn', 'log']);
  });

  it('should keep the status and message of an expected error', () => {
    const { host, sent } = fakeHost();

    filter.catch(new NotFoundException('There is no such room'), host);

    expect(sent.statusCode).toBe(404);
    expect(sent.body).toEqual({
      statusCode: 404,
      message: 'There is no such room',
      error: 'Not Found',
    });
  });

  it('should join validation messages into one readable sentence', () => {
    const { host, sent } = fakeHost();

    filter.catch(new BadRequestException(['name is too long', 'limit must be an integer']), host);

    expect(sent.body).toMatchObject({
      statusCode: 400,
      message: 'name is too long; limit must be an integer',
    });
  });

  it('should answer an unexpected error with a generic 500 that reveals nothing', () => {
    const { host, sent } = fakeHost();

    filter.catch(new Error('connect ECONNREFUSED 10.0.0.7:6379 at /srv/app/secret.js'), host);

    expect(sent.statusCode).toBe(500);
    expect(JSON.stringify(sent.body)).not.toMatch(/ECONNREFUSED|secret|\.js/);
    expect(sent.body).toMatchObject({ statusCode: 500, message: expect.any(String) });
  });

  it('should tell a throttled client when to retry', () => {
    const { host, sent } = fakeHost();

    filter.catch(new RetryLaterException('Too many attempts', 42), host);

    expect(sent.statusCode).toBe(429);
    expect(sent.headers['Retry-After']).toBe('42');
  });
});
