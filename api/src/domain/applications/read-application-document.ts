import type { Db } from '@guanai/db';
import { subtree } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';

/** A photo sent with an application, for whoever may see the application; 404 otherwise. */
export async function readApplicationDocument({
  db,
  user,
  applicationId,
  documentId,
}: {
  db: Db;
  user: SessionUser;
  applicationId: string;
  documentId: string;
}) {
  const document = await db.applicationDocument.findFirst({
    where: { id: documentId, applicationId, application: { community: subtree(user) } },
    select: { filename: true, contentType: true, bytes: true },
  });
  if (!document) throw notFound('document');
  return document;
}
