import type { IncomingMessage } from 'node:http';
import type { Socket } from 'socket.io';
import { SESSION_COOKIE } from '../auth/sessions.service.js';

/**
 * Whether a handshake may proceed, judged by its Origin header. Browsers always send one on
 * cross-origin requests; same-origin pages and non-browser clients are allowed.
 */
export function isAllowedOrigin(request: IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  if (allowedOrigins.includes(origin)) return true;

  return sameOrigin(origin, request.headers.host);
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false;

  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The session token of a handshake: `auth.token` for scripted clients, else the cookie. */
export function handshakeToken(socket: Socket): string | undefined {
  const auth: unknown = socket.handshake.auth;
  if (typeof auth === 'object' && auth !== null) {
    const { token } = auth as Record<string, unknown>;
    if (typeof token === 'string') return token;
  }

  return readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;

  for (const pair of header.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;

    const value = pair.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }

  return undefined;
}
