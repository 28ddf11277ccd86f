import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type WsExceptionFilter,
} from '@nestjs/common';
import type { Ack, ChatError, ChatErrorCode } from '../../shared/chat-events.js';
import { ChatException } from './chat.exception.js';
import type { ChatSocket } from './socket-rooms.js';

/**
 * Turns any failure of a socket handler into `{ok: false, error}` on the event's
 * acknowledgement. Refusals carry their code; anything unexpected is logged with its stack and
 * answered with `internal`, so a bad event never reaches the process as an unhandled rejection.
 */
@Catch()
export class AckExceptionFilter implements WsExceptionFilter {
  private readonly logger = new Logger(AckExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const args = host.getArgs<unknown[]>();
    const socket = host.switchToWs().getClient<ChatSocket>();
    const error = this.toChatError(exception, socket, host.switchToWs().getPattern());
    const ack = args.find((arg): arg is (reply: Ack<never>) => void => typeof arg === 'function');

    ack?.({ ok: false, error });
  }

  private toChatError(exception: unknown, socket: ChatSocket, pattern: string): ChatError {
    if (exception instanceof ChatException) return exception.toChatError();
    // Room rules are shared with the REST API, which speaks in HTTP exceptions.
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      return { code: codeOf(exception.getStatus()), message: exception.message };
    }

    this.logger.error(
      `Handling ${pattern} for user ${socket.data.userId} failed`,
      exception instanceof Error ? exception.stack : String(exception),
    );

    return { code: 'internal', message: 'Something went wrong; please try again' };
  }
}

function codeOf(status: number): ChatErrorCode {
  switch (status as HttpStatus) {
    case HttpStatus.UNAUTHORIZED:
      return 'unauthenticated';
    case HttpStatus.FORBIDDEN:
      return 'forbidden';
    case HttpStatus.NOT_FOUND:
      return 'not_found';
    case HttpStatus.TOO_MANY_REQUESTS:
      return 'rate_limited';
    default:
      return 'invalid_input';
  }
}
