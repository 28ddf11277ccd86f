import { applyDecorators, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponseDto } from '../../common/error-response.dto.js';
import { SessionGuard } from './session.guard.js';

/** Names of the security schemes in the OpenAPI document. */
export const COOKIE_AUTH = 'session-cookie';
export const BEARER_AUTH = 'bearer';

/** Puts a route behind SessionGuard and documents both ways to authenticate. */
export function Authenticated(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseGuards(SessionGuard),
    ApiCookieAuth(COOKIE_AUTH),
    ApiBearerAuth(BEARER_AUTH),
    ApiUnauthorizedResponse({ description: 'No live session', type: ErrorResponseDto }),
    ApiForbiddenResponse({
      description: 'Not allowed, or a cookie-authenticated change without X-XSRF-TOKEN',
      type: ErrorResponseDto,
    }),
  );
}
