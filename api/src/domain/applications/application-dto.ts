import type { Prisma } from '@guanai/db';
import type { TApplication } from '../../routes/applications/applications.types.ts';
import type { DocumentType } from './image-type.ts';

/** What an application's answer reads besides its own columns (never the photos' bytes). */
export const applicationInclude = {
  community: { select: { id: true, name: true } },
  decidedBy: { select: { id: true, displayName: true } },
  case: { select: { id: true, caseNo: true } },
  documents: {
    select: { id: true, filename: true, contentType: true, size: true },
    orderBy: { position: 'asc' },
  },
} satisfies Prisma.ApplicationInclude;

export type ApplicationRow = Prisma.ApplicationGetPayload<{ include: typeof applicationInclude }>;

/**
 * An application as staff see it: the phone masked. A case that names it makes it ACCEPTED even if
 * the accept that opened the case stopped before it could say so (the case is the fact).
 */
export function toApplicationDto(row: ApplicationRow): TApplication {
  return {
    id: row.id,
    reference: row.reference,
    name: row.name,
    phone: row.phoneMasked,
    applicant: row.applicant,
    applicantName: row.applicantName,
    community: row.community,
    situation: row.situation,
    status: row.case ? 'ACCEPTED' : row.status,
    submittedAt: row.submittedAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decidedBy: row.decidedBy ? { id: row.decidedBy.id, name: row.decidedBy.displayName } : null,
    declineReason: row.declineReason,
    caseId: row.case?.id ?? null,
    caseNo: row.case?.caseNo ?? null,
    documents: row.documents.map((d) => ({ ...d, contentType: d.contentType as DocumentType })),
  };
}
