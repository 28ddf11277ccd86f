import type { INestApplication } from '@nestjs/common';
import type { Express } from 'express';
import request from 'supertest';
import { TestRedisServer } from './support/redis-server.js';
import { startTestApp } from './support/test-app.js';

interface Operation {
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  requestBody?: unknown;
}

type OpenApiDocument = { paths: Record<string, Record<string, Operation>> };

/** Route families that must all be signed-in only, except the listed public ones. */
const GUARDED_PREFIXES = ['/api/auth/', '/api/users', '/api/rooms', '/api/channels'];
const PUBLIC_ROUTES = [
  'post /api/auth/sign-up',
  'post /api/auth/sign-in',
  'get /api/auth/demo-users',
];

describe('OpenAPI document', () => {
  let redisServer: TestRedisServer;
  let app: INestApplication;
  let url: string;
  let document: OpenApiDocument;

  beforeAll(async () => {
    redisServer = await TestRedisServer.start();
    ({ app, url } = await startTestApp(redisServer.url));
    document = (await request(url).get('/api/docs-json').expect(200)).body as OpenApiDocument;
  });

  afterAll(async () => {
    await app.close();
    await redisServer.stop();
  });

  /** The routes Express really serves under /api, as `method /path/{param}`. */
  function servedRoutes(): string[] {
    const express = app.getHttpAdapter().getInstance() as Express;
    const stack = (express as unknown as { router: { stack: RouterLayer[] } }).router.stack;

    return stack
      .filter((layer) => layer.route !== undefined)
      .flatMap((layer) => {
        const route = layer.route as NonNullable<RouterLayer['route']>;
        const path = route.path.replace(/:(\w+)/g, '{$1}');

        return Object.keys(route.methods).map((method) => `${method.toLowerCase()} ${path}`);
      })
      .filter((route) => / \/api\//.test(route) && !/ \/api\/docs/.test(route));
  }

  function documentedRoutes(): string[] {
    return Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
  }

  function isGuardedFamily(route: string): boolean {
    const path = route.split(' ')[1];

    return GUARDED_PREFIXES.some((prefix) => path.startsWith(prefix));
  }

  it('should document every route the controllers serve', () => {
    const served = servedRoutes();

    expect(served.length).toBeGreaterThan(15);
    expect(served).toContain('get /api/rooms/{roomId}/messages');
    expect(served.filter((route) => !documentedRoutes().includes(route))).toEqual([]);
  });

  it('should declare cookie and bearer auth on every signed-in route', () => {
    const guarded = documentedRoutes().filter(
      (route) => isGuardedFamily(route) && !PUBLIC_ROUTES.includes(route),
    );

    for (const route of guarded) {
      const [method, path] = route.split(' ');
      const security = document.paths[path][method].security ?? [];
      expect({ route, security }).toEqual({
        route,
        security: expect.arrayContaining([{ 'session-cookie': [] }, { bearer: [] }]),
      });
    }
    expect(guarded.length).toBeGreaterThan(10);
  });

  it('should describe a success response with a schema for every route of the API', () => {
    for (const route of documentedRoutes().filter(isGuardedFamily)) {
      const [method, path] = route.split(' ');
      const responses = document.paths[path][method].responses;
      const success = Object.keys(responses).find((status) => /^2\d\d$/.test(status));

      expect({ route, success }).toEqual({ route, success: expect.any(String) });
      if (success !== '204') {
        expect({
          route,
          schema: responses[success!].content?.['application/json']?.schema,
        }).toEqual({ route, schema: expect.anything() });
      }
    }
  });

  it('should answer 401 without a session on every route that declares auth', async () => {
    const secured = documentedRoutes().filter((route) => {
      const [method, path] = route.split(' ');

      return (document.paths[path][method].security ?? []).length > 0;
    });

    expect(secured.length).toBeGreaterThan(10);
    for (const route of secured) {
      const [method, path] = route.split(' ');
      const concrete = path.replace(/\{roomId\}/g, '0').replace(/\{\w+\}/g, '1');
      const response = await request(url)[method as 'get' | 'post'](concrete).send({});

      expect({ route, status: response.status }).toEqual({ route, status: 401 });
      expect(response.body).toMatchObject({ statusCode: 401, message: expect.any(String) });
    }
  });

  it('should serve Swagger UI', async () => {
    const response = await request(url).get('/api/docs').redirects(1).expect(200);

    expect(response.text).toMatch(/swagger/i);
  });
});

interface RouterLayer {
  route?: { path: string; methods: Record<string, boolean> };
}
