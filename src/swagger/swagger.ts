import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { BEARER_AUTH, COOKIE_AUTH } from '../modules/auth/authenticated.decorator.js';
import { SESSION_COOKIE } from '../modules/auth/sessions.service.js';

/** Where Swagger UI and the OpenAPI document are served. */
export const SWAGGER_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs-json';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('redis-chat')
    .setDescription(
      'REST API of redis-chat. Browsers authenticate with the HttpOnly session cookie and must ' +
        'repeat the XSRF-TOKEN cookie in an X-XSRF-TOKEN header on POST, PUT, PATCH and DELETE; ' +
        'other clients send the token from sign-in as `Authorization: Bearer <token>`. ' +
        'Messages are sent over Socket.IO, not REST.',
    )
    .setVersion('0.1.0')
    .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie' }, COOKIE_AUTH)
    .addBearerAuth({ type: 'http', scheme: 'bearer' }, BEARER_AUTH)
    .build();

  return SwaggerModule.createDocument(app, config);
}

/** Serves Swagger UI at /api/docs and the document at /api/docs-json. */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup(SWAGGER_UI_PATH, app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: `${OPENAPI_JSON_PATH.replace('-json', '-yaml')}`,
  });
}
