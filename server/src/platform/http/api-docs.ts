import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Router } from './app';

const require = createRequire(import.meta.url);

/**
 * The readable API reference at /api/docs: Scalar's standalone bundle served from our own origin
 * (no CDN, no inline script, so the strict CSP holds and it works offline).
 */
export function mountApiDocs(app: Router): void {
  let bundle: string | undefined;
  app.get('/api/docs/scalar.js', (c) => {
    bundle ??= readFileSync(
      join(dirname(require.resolve('@scalar/api-reference')), 'browser', 'standalone.js'),
      'utf8',
    );
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(bundle, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });
  app.get('/api/docs', (c) =>
    c.html(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Kênh API reference</title>
  </head>
  <body>
    <script id="api-reference" data-url="/api/openapi.json" data-configuration='{"withDefaultFonts":false,"hideClientButton":true,"showDeveloperTools":"never","agent":{"disabled":true},"mcp":{"disabled":true}}'></script>
    <script src="/api/docs/scalar.js"></script>
  </body>
</html>`),
  );
}
