import type { CookieOptions, Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { SESSION_COOKIE, SESSION_TTL_SECONDS } from './sessions.service.js';

/**
 * The double-submit CSRF token: a readable cookie that only pages of our own origin can copy into
 * the `X-XSRF-TOKEN` header. Angular's HttpClient does that copy by itself.
 */
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';

const XSRF_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** Methods that change something, and so need the CSRF header when the cookie authenticates. */
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type CredentialSource = 'cookie' | 'bearer';

export interface PresentedCredentials {
  token: string;
  source: CredentialSource;
}

/** A bearer header wins over the cookie: a browser never adds it to a cross-site request. */
export function readCredentials(request: Request): PresentedCredentials | null {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);

    return match ? { token: match[1], source: 'bearer' } : null;
  }

  const cookie = readCookie(request, SESSION_COOKIE);

  return cookie === undefined ? null : { token: cookie, source: 'cookie' };
}

export function needsCsrfCheck(request: Request, source: CredentialSource): boolean {
  return source === 'cookie' && UNSAFE_METHODS.has(request.method.toUpperCase());
}

/** Whether the header repeats the CSRF cookie exactly. */
export function hasMatchingCsrfToken(request: Request): boolean {
  const cookie = readCookie(request, XSRF_COOKIE);
  const header = request.headers[XSRF_HEADER];
  if (cookie === undefined || typeof header !== 'string') return false;
  if (!XSRF_FORMAT.test(cookie) || cookie.length !== header.length) return false;

  return timingSafeEqual(Buffer.from(cookie), Buffer.from(header));
}

export function setSessionCookies(response: Response, token: string, secure: boolean): void {
  response.cookie(SESSION_COOKIE, token, {
    ...baseOptions(secure),
    httpOnly: true,
    maxAge: SESSION_TTL_SECONDS * 1000,
  });
  setCsrfCookie(response, secure);
}

/** Keeps a well-formed CSRF cookie, so tabs that already read it keep working. */
export function ensureCsrfCookie(request: Request, response: Response, secure: boolean): void {
  const current = readCookie(request, XSRF_COOKIE);
  if (current !== undefined && XSRF_FORMAT.test(current)) return;

  setCsrfCookie(response, secure);
}

export function clearSessionCookies(response: Response, secure: boolean): void {
  response.clearCookie(SESSION_COOKIE, { ...baseOptions(secure), httpOnly: true });
  response.clearCookie(XSRF_COOKIE, baseOptions(secure));
}

function setCsrfCookie(response: Response, secure: boolean): void {
  response.cookie(XSRF_COOKIE, randomBytes(32).toString('base64url'), {
    ...baseOptions(secure),
    httpOnly: false,
    maxAge: SESSION_TTL_SECONDS * 1000,
  });
}

function baseOptions(secure: boolean): CookieOptions {
  return { sameSite: 'lax', secure, path: '/' };
}

function readCookie(request: Request, name: string): string | undefined {
  const cookies = request.cookies as Record<string, unknown> | undefined;
  const value = cookies?.[name];

  return typeof value === 'string' && value !== '' ? value : undefined;
}
