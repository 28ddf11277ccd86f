import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { hasMatchingCsrfToken, needsCsrfCheck, readCredentials } from './auth-cookies.js';
import { SessionsService, type AuthenticatedSession } from './sessions.service.js';

export interface AuthenticatedRequest extends Request {
  auth?: AuthenticatedSession;
}

/**
 * Lets a request through when it carries a live session, from the cookie or a bearer header.
 * Changes made with the cookie must also repeat the CSRF cookie in `X-XSRF-TOKEN`.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(private readonly sessions: SessionsService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const credentials = readCredentials(request);

    const session = await this.sessions.authenticate(credentials?.token);
    if (credentials === null || session === null) {
      throw new UnauthorizedException('Sign in to continue');
    }

    if (needsCsrfCheck(request, credentials.source) && !hasMatchingCsrfToken(request)) {
      throw new ForbiddenException('The X-XSRF-TOKEN header must repeat the XSRF-TOKEN cookie');
    }

    request.auth = session;

    return true;
  }
}
