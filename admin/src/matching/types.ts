/**
 * Named parts of the matching API's answers (docs/matching-api.md), and view models. The answers
 * themselves are typed by `@guanai/api/types` (TResource, TMatch, TCaseMatching, TStaffProject,
 * TProjectDetail, TDonation, TPartner, TAttachment): nothing here is a copy of them.
 */
import type { TCaseMatching, TMatch, TProjectDetail, TResource, TStaffProject } from '@guanai/api/types';

/** One need of a case in matching: its ranked candidates, the excluded and why, and its matches. */
export type NeedMatching = TCaseMatching['needs'][number];
export type Need = NeedMatching['need'];
export type Candidate = NeedMatching['candidates'][number];
export type Tier = Candidate['tier'];
/** One reason a resource is (or is not) a candidate: `text` in Chinese, `params` its figures. */
export type Check = Candidate['checks'][number];

/** Eligibility rules of a resource, as data; an empty object admits everyone. */
export type Eligibility = TResource['eligibility'];

/** One line of a match's delivery ledger. */
export type Delivery = TMatch['deliveries'][number];

/**
 * A project as its show page has it: GET /api/projects/:id answers it with the partners' responses
 * (TProjectDetail), but until it does, react-admin shows the record the list answered (TStaffProject).
 */
export type ProjectRecord = TStaffProject & Partial<Pick<TProjectDetail, 'responseList'>>;
