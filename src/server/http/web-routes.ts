/**
 * Serves the built browser app from dist/web: hashed assets cached for a year, the shell and
 * service worker always revalidated, and any non-API path answered with the app (it routes on
 * the client).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build` puts the browser app. */
export const WEB_DIST_DIR = resolve('dist/web');

/** Registers static serving when the app has been built; returns whether it was. */
export async function webRoutes(app: FastifyInstance, distDir = WEB_DIST_DIR): Promise<boolean> {
  if (!existsSync(join(distDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: distDir,
    // Files are looked up per request, so a rebuild under a running server is served at once.
    wildcard: true,
    preCompressed: true,
    index: ['index.html'],
    setHeaders: (response, path) => {
      const immutable = path.includes(join(distDir, 'assets'));
      response.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}
