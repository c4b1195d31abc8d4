import { Hono } from 'hono';
import { z } from 'zod';
import { visibleCases } from '../../auth/jurisdiction.ts';
import type { AppDeps, AppEnv } from '../../env.ts';
import { notFound } from '../../errors/app-error.ts';
import { validate } from '../../validation.ts';

export function attachmentRoutes(deps: AppDeps) {
  return (
    new Hono<AppEnv>()
      /** Anyone who sees the case: the file itself. */
      .get('/:id/content', validate('param', z.object({ id: z.uuid('must be an attachment id') })), async (c) => {
        const { id } = c.req.valid('param');
        const attachment = await deps.db.attachment.findFirst({ where: { id, case: visibleCases(c.get('user')) } });
        const bytes = attachment && (await deps.files.get(attachment.id));
        if (!attachment || !bytes) throw notFound(`attachment ${id}`);
        return c.body(new Uint8Array(bytes), 200, {
          'Content-Type': attachment.contentType,
          'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
          'X-Content-Type-Options': 'nosniff',
        });
      })
  );
}
