import { createHash, randomUUID } from 'node:crypto';
import { encryptIdNumber, maskPhone, type Db, type IdentityKeys } from '@guanai/db';
import type { RateLimiter } from '../../auth/rate-limiter.ts';
import { AppError, type FieldError } from '../../errors/app-error.ts';
import type { TApplicationInput, TApplicationReceipt } from '../../routes/public/applications.types.ts';
import { newReference } from './application-reference.ts';
import type { ProofOfWork } from './proof-of-work.ts';
import { spendChallenge } from './spend-challenge.ts';

const invalid = (errors: FieldError[]) =>
  new AppError('VALIDATION', { message: errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors });

const spent = (field = 'challenge.token'): FieldError => ({
  field,
  reason: 'was already used; ask for a new challenge',
});

/**
 * §四(一) 个人申请: a resident or a relative applies without an account. The application waits in its
 * community station's queue (SUBMITTED). Stands in for a one-time code to the phone: a proof of work
 * per application (each challenge accepted once) and a limit of applications per client address,
 * counted across replicas. The phone is stored encrypted with a masked form; the answer is only the
 * reference number.
 */
export async function submitApplication({
  db,
  keys,
  proofOfWork,
  limiter,
  address,
  input,
  onRateLimited,
}: {
  db: Db;
  keys: IdentityKeys;
  proofOfWork: ProofOfWork;
  limiter: RateLimiter;
  address: string;
  input: TApplicationInput;
  onRateLimited: (retryAfterSeconds: number) => void;
}): Promise<TApplicationReceipt> {
  // Everything still wrong once the body's shape is right, named together.
  const errors: FieldError[] = [];
  const community = await db.orgUnit.findFirst({
    where: { id: input.communityId, level: 'COMMUNITY' },
    select: { id: true },
  });
  if (!community) errors.push({ field: 'communityId', reason: 'is not a community (村/社区) of the network' });
  const challenge = proofOfWork.check(input.challenge);
  if ('errors' in challenge) errors.push(...challenge.errors);
  else if (await db.applicationChallengeUse.findUnique({ where: { nonce: challenge.nonce }, select: { nonce: true } }))
    errors.push(spent());
  if (errors.length > 0 || 'errors' in challenge) throw invalid(errors);

  const wait = await limiter.take(address);
  if (wait > 0) {
    onRateLimited(wait);
    throw new AppError('RATE_LIMITED', {
      message: `too many applications from this address; try again in ${Math.ceil(wait / 60)} minutes`,
      reason: 'APPLICATION_RATE_LIMITED',
    });
  }
  // The last guard: two requests answering one challenge at once; the loser finds it spent.
  if (!(await spendChallenge(db, challenge))) throw invalid([spent()]);
  const application = await db.application.create({
    data: {
      id: randomUUID(),
      reference: newReference(),
      name: input.name,
      // Encrypted as identity numbers are (AES-256-GCM); staff see the masked form, the full one audited.
      phoneEnc: encryptIdNumber(input.phone, keys),
      phoneMasked: maskPhone(input.phone),
      applicant: input.applicant,
      applicantName: input.applicant === 'SELF' ? null : (input.applicantName ?? null),
      communityId: input.communityId,
      situation: input.situation,
      documents: {
        create: input.documents.map((document, position) => ({
          id: randomUUID(),
          position,
          filename: document.filename,
          contentType: document.contentType,
          size: document.bytes.length,
          sha256: createHash('sha256').update(document.bytes).digest('hex'),
          bytes: new Uint8Array(document.bytes),
        })),
      },
    },
    select: { reference: true, submittedAt: true },
  });
  return { reference: application.reference, status: 'SUBMITTED', submittedAt: application.submittedAt.toISOString() };
}
