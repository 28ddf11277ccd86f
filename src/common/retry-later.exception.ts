import { HttpException, HttpStatus } from '@nestjs/common';

/** A 429 that tells the client, through `Retry-After`, how many seconds to wait. */
export class RetryLaterException extends HttpException {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, HttpStatus.TOO_MANY_REQUESTS);
  }
}
