import type { Db } from '@guanai/db';
import { visibleCases } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import type { FileStore } from '../../files/file-store.ts';

/** A file of a case the user can see, with its bytes; 404 when either is missing. */
export async function readAttachment({
  db,
  files,
  user,
  attachmentId: id,
}: {
  db: Db;
  files: FileStore;
  user: SessionUser;
  attachmentId: string;
}) {
  const attachment = await db.attachment.findFirst({ where: { id, case: visibleCases(user) } });
  const bytes = attachment && (await files.get(attachment.id));
  if (!attachment || !bytes) throw notFound(`attachment ${id}`);
  return { attachment, bytes };
}
