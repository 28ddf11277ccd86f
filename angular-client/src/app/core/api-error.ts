import { HttpErrorResponse } from '@angular/common/http';

/** Turns a failed request into a sentence a user can act on. */
export function describeApiError(error: unknown): string {
  if (!(error instanceof HttpErrorResponse)) return 'Something went wrong. Please try again.';
  if (error.status === 0) return 'The server cannot be reached. Check your connection.';

  if (error.status === 429) {
    const seconds = Number(error.headers.get('Retry-After'));

    return Number.isFinite(seconds) && seconds > 0
      ? `Too many attempts. Try again in ${seconds} seconds.`
      : 'Too many attempts. Try again in a moment.';
  }

  const body: unknown = error.error;
  if (typeof body === 'object' && body !== null && 'message' in body) {
    const message = (body as { message: unknown }).message;
    if (Array.isArray(message)) return message.map(String).join(' ');
    if (typeof message === 'string' && message !== '') return message;
  }

  return error.status >= 500 ? 'The server had a problem. Please try again.' : error.statusText;
}
