import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { RetryLaterException } from './retry-later.exception.js';

/** The body of every error answer of the REST API. */
export interface ErrorBody {
  statusCode: number;
  message: string;
  error?: string;
}

/**
 * Turns every error of an HTTP request into `{statusCode, message, error?}`. Expected errors keep
 * their status and readable message; anything else is logged with its stack and answered with a
 * generic 500, so no internal detail reaches the client.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.describe(exception);

    if (response.headersSent) return;
    if (exception instanceof RetryLaterException) {
      response.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    response.status(body.statusCode).json(body);
  }

  private describe(exception: unknown): ErrorBody {
    if (!(exception instanceof HttpException)) {
      const stack = exception instanceof Error ? exception.stack : String(exception);
      this.logger.error('Unexpected error while handling a request', stack);

      return {
        statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
        message: 'Something went wrong on our side',
        error: STATUS_CODES[HttpStatus.INTERNAL_SERVER_ERROR],
      };
    }

    const statusCode = exception.getStatus();
    if (statusCode >= 500) this.logger.error(exception.message, exception.stack);

    return {
      statusCode,
      message: readableMessage(exception),
      error: STATUS_CODES[statusCode],
    };
  }
}

/** Validation errors come as a list of sentences; the client gets them as one. */
function readableMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;

  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String).join('; ');
  if (typeof message === 'string') return message;

  return exception.message;
}
