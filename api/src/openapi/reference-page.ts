import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { AppError } from '../errors/app-error.ts';

/** Swagger UI's files, from the swagger-ui-dist package (nothing from a CDN). */
const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const FILES: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>关爱援助 API 参考 · Guanai API reference</title>
  <link rel="icon" href="/api/docs/favicon-32x32.png" />
  <link rel="stylesheet" href="/api/docs/swagger-ui.css" />
</head>
<body>
  <div id="reference"></div>
  <script src="/api/docs/swagger-ui-bundle.js"></script>
  <script src="/api/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({
  url: '/api/openapi.json',
  dom_id: '#reference',
  deepLinking: true,
  // Tags start folded: with every one of the ~150 operations open at once Swagger UI 5.35 stops after the first tag.
  docExpansion: 'none',
  tagsSorter: 'alpha',
  withCredentials: true,
});`;

/** GET /docs: the API reference page, rendering GET /openapi.json with Swagger UI. */
export function referencePage() {
  return new Hono<AppEnv>()
    .get('/', (c) => c.html(PAGE))
    .get('/:file', async (c) => {
      const file = c.req.param('file');
      if (file === 'init.js') return c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
      const type = FILES[file];
      if (!type) throw new AppError('NOT_FOUND', { message: `no file ${file} in the reference page` });
      const bytes = await readFile(join(swaggerUiDir, file));
      return c.body(bytes, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
    });
}
