import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './session.guard.js';
import type { AuthenticatedSession } from './sessions.service.js';

/** The session SessionGuard resolved; only for routes behind that guard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedSession => {
    const session = context.switchToHttp().getRequest<AuthenticatedRequest>().auth;
    if (session === undefined) throw new Error('CurrentUser used on a route without SessionGuard');

    return session;
  },
);
