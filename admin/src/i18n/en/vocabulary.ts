import type { Messages } from '../messages.ts';
import type { vocabulary as zh } from '../zh/vocabulary.ts';

/** zh/vocabulary.ts in English: a label for every code, as `Messages<typeof zh>` demands. */
export const vocabulary: Messages<typeof zh> = {
  categories: {
    BASIC_LIVING: 'Basic living',
    MEDICAL: 'Medical',
    EDUCATION: 'Education',
    HOUSING: 'Housing',
    EMPLOYMENT: 'Employment',
    CARE: 'Care',
    PSYCHOLOGICAL: 'Psychological',
    LEGAL: 'Legal aid',
    EMERGENCY: 'Emergency',
    OTHER: 'Other',
  },
  resourceKinds: {
    GOVERNMENT_SCHEME: 'Government scheme',
    CHARITY_PROJECT: 'Charity project',
    VOLUNTEER_SERVICE: 'Volunteer service',
    PURCHASED_SERVICE: 'Purchased service',
    FUNDRAISING: 'Fundraising',
  },
  deliveryKinds: { MONEY: 'Money', GOODS: 'Goods', SERVICE: 'Service' },
  publishKinds: { ORIGINAL: 'Original', CORRECTION: 'Correction', UNCHANGED: 'Unchanged' },
  surveyQuestions: { satisfaction: 'Overall satisfaction', timeliness: 'Timeliness', respect: 'Respect and manner' },
  discovererKinds: {
    GRID_WORKER: 'Grid worker',
    BUILDING_LEADER: 'Building leader',
    VOLUNTEER: 'Volunteer',
    SOCIAL_WORKER: 'Social worker',
    COMMUNITY_WORKER: 'Community worker',
  },
};
