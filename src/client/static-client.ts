import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';

/** Where `npm run build:client` writes the Angular application, from the repository root. */
const CLIENT_BUILD_DIR = join('angular-client', 'dist', 'redis-chat-client', 'browser');

/** Paths the server answers itself; everything else may be a client route. */
const SERVER_PATHS = /^\/(api|socket\.io)(\/|$)/;

/** Angular names bundles `<name>-<HASH>.js`; such files never change, so browsers may keep them. */
const HASHED_ASSET = /-[A-Z0-9]{8}\.(js|css)$/;

/** The built client's folder; this file sits two levels below the root in both src and dist. */
export function clientBuildDir(): string {
  return resolve(import.meta.dirname, '..', '..', CLIENT_BUILD_DIR);
}

/**
 * Serves the Angular client at `/`, with unknown GET paths falling back to `index.html` so that
 * client routes survive a reload. Without a built client the API still runs.
 */
export function serveClient(app: NestExpressApplication, dir = clientBuildDir()): void {
  const logger = new Logger('StaticClient');
  const indexFile = join(dir, 'index.html');
  if (!existsSync(indexFile)) {
    logger.warn(`No built web client in ${dir}; run "npm run build:client" to serve it at /`);

    return;
  }

  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (res: ServerResponse, path: string) => {
      if (HASHED_ASSET.test(path)) res.setHeader('Cache-Control', 'public, max-age=31536000');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    const wantsPage = req.method === 'GET' || req.method === 'HEAD';
    if (!wantsPage || SERVER_PATHS.test(req.path) || !req.accepts('html')) return next();

    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
}
