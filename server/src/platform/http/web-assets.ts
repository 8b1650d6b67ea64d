import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Router } from './app';

export const WEB_DIST = new URL('../../../../web/dist', import.meta.url).pathname;

/**
 * Serves the built web apps: the partner app under /p/, the staff app everywhere else; unknown
 * paths fall back to the app's index.html so client-side routes survive a reload.
 */
export function mountWebAssets(app: Router, distDir = WEB_DIST): void {
  const staffIndex = join(distDir, 'index.html');
  const partnerIndex = join(distDir, 'p', 'index.html');
  if (!existsSync(staffIndex)) {
    app.get('/', (c) => c.text('The web app is not built yet: run `npm run build`.', 503));
    return;
  }
  const staffHtml = readFileSync(staffIndex, 'utf8');
  const partnerHtml = existsSync(partnerIndex) ? readFileSync(partnerIndex, 'utf8') : staffHtml;
  app.use(
    '/assets/*',
    serveStatic({
      root: distDir,
      rewriteRequestPath: (path) => path,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return next();
    return serveStatic({ root: distDir })(c, next);
  });
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    return c.html(c.req.path === '/p' || c.req.path.startsWith('/p/') ? partnerHtml : staffHtml);
  });
}
