import { z } from 'zod';
import { route } from '../../openapi/router.ts';
import type { ATTACHMENT_TYPES } from '../../files/attachments.ts';

/** A file of a case: a note's photo or document, or a delivery's evidence. */
export const ZAttachmentSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    contentType: z.string().meta({ description: 'image/jpeg, image/png, image/webp or application/pdf' }),
    size: z.number().int().meta({ description: 'Bytes' }),
  })
  .meta({ id: 'Attachment', description: '附件 A file of a case (a photo or PDF)' });
export type TAttachment = z.infer<typeof ZAttachmentSchema>;

const file = { schema: z.string().meta({ format: 'binary' }) };

/** The media types a file is accepted and answered in (files/attachments.ts ATTACHMENT_TYPES). */
const attachmentContent = {
  'image/jpeg': file,
  'image/png': file,
  'image/webp': file,
  'application/pdf': file,
} as const satisfies Record<(typeof ATTACHMENT_TYPES)[number], typeof file>;

/** The body of an upload: the raw file, its name percent-encoded (UTF-8) in the X-Filename header. */
export const attachmentUpload = {
  required: true,
  description: 'The file itself (at most 10 MB); its name percent-encoded as UTF-8 in the X-Filename header',
  content: attachmentContent,
} as const;

export const ZAttachmentParams = z.object({ id: z.uuid('must be an attachment id') });

export const getAttachmentContent = route({
  method: 'get',
  path: '/{id}/content',
  tags: ['attachments'],
  summary: '下载附件 The file itself, for anyone who sees its case',
  request: { params: ZAttachmentParams },
  responses: {
    200: {
      description: 'The file, in the type it was uploaded with (Content-Disposition inline, with its name)',
      content: attachmentContent,
    },
  },
});
