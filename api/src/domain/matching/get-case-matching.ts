import type { Db } from '@guanai/db';
import type { NeedCategory, ResourceKind, Severity } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import type { TCaseMatching } from '../../routes/cases/matching.types.ts';
import { candidateResources } from './candidate-resources.ts';
import { today } from './dates.ts';
import { findOwnedCase } from './find-owned-case.ts';
import { matchInclude, toMatchDto } from './match-dto.ts';
import { needsOf } from './needs-of.ts';
import { rankResources, type RankedResource } from './rank-resources.ts';
import { subjectOf } from './subject-of.ts';

/** What a caseworker is shown of a resource beside a need. */
const shown = (resource: RankedResource) => ({
  id: resource.id,
  name: resource.name,
  kind: resource.kind as ResourceKind,
  providerName: resource.providerName,
  coverageName: resource.coverage.name,
});

/**
 * 供需对接 (§四(六)): each need of a case the caller's center owns, with its ranked candidates, the
 * excluded with their reasons, and the matches already proposed for it.
 */
export async function getCaseMatching({
  db,
  user,
  caseId,
}: {
  db: Db;
  user: SessionUser;
  caseId: string;
}): Promise<TCaseMatching> {
  const row = await findOwnedCase(db, user, caseId);
  const needs = needsOf(row.data).map((n, index) => ({ index, ...n }));
  const subject = subjectOf(row);
  const resources = needs.length ? await candidateResources(db, needs, subject.communityPath) : [];
  const matches = await db.match.findMany({
    where: { caseId: row.id },
    include: matchInclude,
    orderBy: { createdAt: 'asc' },
  });
  return {
    caseId: row.id,
    state: row.state,
    subject: { age: subject.age, hukou: subject.hukou, incomePerHead: subject.incomePerHead, tags: subject.tags },
    needs: rankResources(needs, resources, subject, today()).map((m) => ({
      ...m,
      need: { ...m.need, category: m.need.category as NeedCategory, severity: m.need.severity as Severity },
      // Escalation is offered where the machine takes it: in matching (in delivery a need is only matched).
      escalationOffered: m.escalationOffered && row.state === 'matching',
      candidates: m.candidates.map(({ resource, ...rest }) => ({ ...rest, resource: shown(resource) })),
      excluded: m.excluded.map(({ resource, reasons }) => ({ resource: shown(resource), reasons })),
      matches: matches.filter((x) => x.needIndex === m.need.index).map((x) => toMatchDto(x, user)),
    })),
  };
}
