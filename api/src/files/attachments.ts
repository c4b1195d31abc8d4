import { createHash, randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../env.ts';
import { AppError } from '../errors/app-error.ts';

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Longest X-Filename header taken, before decoding (200 characters of 4-byte UTF-8, percent-encoded). */
const MAX_FILENAME_HEADER = 200 * 12;

/**
 * The file name a client sends in X-Filename, percent-encoded UTF-8 (encodeURIComponent): 1–200
 * characters, no slashes or control characters. Anything else is a 422 naming the header; without
 * the header, `fallback` if there is one.
 */
export function headerFilename(c: Context<AppEnv>, fallback?: string): string {
  const header = c.req.header('X-Filename');
  if (header === undefined && fallback !== undefined) return fallback;
  const refuse = (message: string) => new AppError('VALIDATION', { message, field: 'X-Filename' });
  if (header !== undefined && header.length > MAX_FILENAME_HEADER)
    throw refuse('is too long: a file name has at most 200 characters');
  let filename: string;
  try {
    filename = decodeURIComponent(header ?? '').trim();
  } catch {
    throw refuse('must be the file name percent-encoded as UTF-8 (encodeURIComponent)');
  }
  if (!filename || filename.length > 200 || /[\\/\u0000-\u001f\u007f]/.test(filename))
    throw refuse('a file name (1–200 characters, no slashes or control characters) is required');
  return filename;
}

/**
 * Stores an uploaded file (the raw body; Content-Type a photo or PDF, the name in X-Filename) as an
 * attachment of a case: case notes and delivery evidence both use it.
 */
export async function storeAttachment(deps: AppDeps, c: Context<AppEnv>, caseId: string) {
  const contentType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
  if (!(ATTACHMENT_TYPES as readonly string[]).includes(contentType)) {
    throw new AppError('VALIDATION', {
      message: `must be one of ${ATTACHMENT_TYPES.join(', ')}`,
      field: 'Content-Type',
    });
  }
  const filename = headerFilename(c);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0 || bytes.length > MAX_ATTACHMENT_BYTES)
    throw new AppError('VALIDATION', {
      message: `must be 1 byte to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`,
      field: '(body)',
    });
  const id = randomUUID();
  await deps.files.put(id, bytes);
  return deps.db.attachment.create({
    data: {
      id,
      caseId,
      filename,
      contentType,
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      uploadedById: c.get('user').id,
    },
    select: { id: true, filename: true, contentType: true, size: true },
  });
}
