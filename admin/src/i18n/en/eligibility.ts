import type { Messages } from '../messages.ts';
import type { eligibility as zh } from '../zh/eligibility.ts';

/** zh/eligibility.ts in English: its keys exactly, as `Messages<typeof zh>` demands. */
export const eligibility: Messages<typeof zh> = {
  resources: {
    'eligibility/standards': {
      name: 'Eligibility standards',
      fields: {
        scheme: 'Scheme',
        districtId: 'District',
        districtName: 'Applies to',
        effectiveFrom: 'Effective from',
        incomePerPerson: 'Monthly income per person (CNY)',
        assetsPerPerson: 'Assets per person, at most (CNY)',
        requireNoAbleWorker: 'No member of working age able to work (特困)',
        requireNoSupporter: 'No legal supporter able to support (特困)',
        sourceDocument: 'Document no. (文号)',
        note: 'Note',
        createdAt: 'Entered',
      },
    },
  },
  guanai: {
    eligibility: {
      menu: 'Eligibility standards',
      city: 'City-wide',
      sample: 'Sample data',
      current: 'In force',
      future: 'Not yet in force',
      superseded: 'Superseded',
      inForceLocked:
        'A standard in force cannot be changed; when the standard changes, add a new one with a later effective date.',
      districtHelp: 'Empty for the city-wide standard; a district’s standard wins over the city’s',
      criteria: '特困 criteria',
      household: {
        edit: 'Record household income and assets',
        income: 'Household income per month (CNY)',
        assets: 'Financial assets in total (CNY)',
        supporter: 'Legal supporter (法定赡养、抚养、扶养义务人)',
        supporters: { yes: 'Yes, able to support', no: 'None, or unable to support', unknown: 'Not recorded' },
      },
      panel: {
        title: 'Eligibility suggestions',
        help: 'Computed from the household’s members, income and assets against the standards in force on %{date} (%{area}); a suggestion only: confirm or override it with a reason.',
        loading: 'Computing suggestions…',
        failed: 'Suggestions are unavailable; fill in the form as usual',
        none: 'No standard is in force here; refer as the situation requires',
        household: 'Household of %{members} · income %{income}/month · assets %{assets}',
        unknown: 'not recorded',
        refer: 'Refer',
        noRefer: 'Do not refer',
        override: 'Reason for overriding the suggestion',
        overrideHelp: 'Required when you decide against the suggestion',
        reasonRequired: 'Overriding a suggestion needs a reason',
        verdicts: { YES: 'Eligible', NO: 'Not eligible', UNKNOWN: 'Data missing' },
      },
      details: {
        title: 'Referral details',
        help: 'Once a department is entered, every referral needs its department and date',
        department: 'Receiving department',
        referredOn: 'Referred on',
        referenceNo: 'Reference no.',
        missing: 'Enter the department and date for %{schemes}',
        departments: {
          DIBAO: 'Subdistrict social affairs office (civil affairs)',
          TEKUN: 'Subdistrict social affairs office (civil affairs)',
          LINSHI: 'Subdistrict social affairs office (civil affairs)',
          YILIAO: 'District healthcare security bureau',
          JIAOYU: 'District education bureau',
          ZHUFANG: 'District housing and construction bureau',
          JIUYE: 'District human resources and social security bureau',
          SHOUZAI: 'District emergency management bureau',
        },
      },
      referrals: {
        title: 'Government aid referrals',
        none: 'No referrals yet',
        outcome: 'Outcome',
        outcomes: { PENDING: 'Awaiting answer', GRANTED: 'Granted', DENIED: 'Denied' },
        overridden: 'Overrode the suggestion (%{verdict}, %{decision}): %{reason}',
      },
    },
  },
};
