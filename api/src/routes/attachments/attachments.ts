import { readAttachment } from '../../domain/attachments/read-attachment.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { getAttachmentContent } from './attachments.types.ts';

/** Routes under /api/attachments: the files of cases. */
export function attachmentRoutes(deps: AppDeps) {
  return (
    createRouter()
      /** Anyone who sees the case: the file itself. */
      .openapi(getAttachmentContent, async (c) => {
        const { attachment, bytes } = await readAttachment({
          db: deps.db,
          files: deps.files,
          user: c.get('user'),
          attachmentId: c.req.valid('param').id,
        });
        return c.body(new Uint8Array(bytes), 200, {
          'Content-Type': attachment.contentType,
          'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
          'X-Content-Type-Options': 'nosniff',
        });
      })
  );
}
