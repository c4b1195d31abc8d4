import englishMessages from 'ra-language-english';
import type { Messages } from './zh.ts';

export const en: Messages = {
  ra: englishMessages.ra,
  resources: {
    tasks: {
      name: 'Task |||| Tasks',
      fields: {
        kind: 'Task', caseNo: 'Case no.', personName: 'Person', unitName: 'Unit', assigneeName: 'Assignee', dueAt: 'Due', createdAt: 'Created',
        status: 'Status', caseState: 'Case stage', emergency: 'Emergency',
      },
    },
    cases: {
      name: 'Case |||| Cases',
      fields: {
        caseNo: 'Case no.', personName: 'Person', personIdMasked: 'ID number', state: 'Stage', status: 'Status', closureReason: 'Closure reason',
        emergency: 'Emergency', origin: 'Origin', owningUnitName: 'Owning unit', originUnitName: 'Found in', situation: 'Situation', createdAt: 'Opened',
        updatedAt: 'Updated', q: 'Search',
        person: { name: 'Name', idNumber: 'ID number', sex: 'Sex', birthDate: 'Birth date', phone: 'Phone', address: 'Address', hukou: 'Hukou' },
      },
    },
  },
  guanai: {
    app: 'Guanai',
    language: 'Language',
    inbox: { title: 'Inbox', mine: 'My tasks', unit: "My unit's queue", overdue: 'Overdue', dueSoon: 'Due soon', empty: 'Nothing to do' },
    actions: { claim: 'Claim', release: 'Release', complete: 'Complete', openCase: 'Open case', submit: 'Submit' },
    notifications: {
      claimed: 'Task claimed', released: 'Task returned to the queue', completed: 'Done; the case is now: %{state}', created: 'Case opened: %{caseNo}',
      error: 'Failed: %{reason}', reasonWithDetail: '%{reason} (%{detail})',
    },
    problems: {
      'task-taken': 'This task has already been claimed', 'not-assignee': 'Claim the task first (only the assignee can complete it)',
      forbidden: 'You may not do this', 'not-allowed-in-state': 'The case cannot take this action in its current stage',
      'not-found': 'Not found, or outside your jurisdiction', validation: 'Please correct the form', 'bad-credentials': 'Wrong username or password',
      'login-rate-limited': 'Too many failed sign-ins; try again later', 'duplicate-case': 'This person already has an open case',
    },
    kinds: {
      REGISTER: 'Register', SCREEN: 'Government-aid screening', MONITOR: 'Track government aid', ASSESS: 'Needs assessment', PLAN: 'Draft plan',
      APPROVE_PLAN: 'Approve plan', MATCH: 'Match resources', DELIVER: 'Deliver', FOLLOW_UP: 'Follow-up', ACCEPT_ESCALATION: 'Review escalation',
      JOINT_MEETING: 'Joint-meeting resolution', EMERGENCY_AID: 'Temporary assistance', APPROVE_CLOSURE: 'Approve closure',
    },
    states: {
      intake: 'Intake', screening: 'Screening', monitoring: 'Government aid', assessment: 'Assessment', planning: 'Planning', 'planning.drafting': 'Planning',
      'planning.awaitingApproval': 'Plan awaiting approval', matching: 'Matching', delivery: 'Delivery', followUp: 'Follow-up',
      'followUp.waiting': 'Waiting for follow-up', 'followUp.visiting': 'Follow-up', escalation: 'Escalated', jointMeeting: 'Joint meeting',
      suspended: 'Suspended', closed: 'Closed', archived: 'Archived',
    },
    status: { OPEN: 'Open', SUSPENDED: 'Suspended', CLOSED: 'Closed', DONE: 'Done', CANCELLED: 'Cancelled' },
    origins: { SELF_APPLICATION: 'Self-application', OUTREACH: 'Outreach', REFERRAL: 'Referral' },
    closure: {
      resolved: 'Resolved', gov_aid_only: 'Government aid only', no_need: 'No need', declined: 'Declined', unreachable: 'Unreachable', deceased: 'Deceased',
      moved: 'Moved away', duplicate: 'Duplicate',
    },
    schemes: {
      DIBAO: 'Minimum living allowance', TEKUN: 'Extreme-poverty support', LINSHI: 'Temporary assistance', YILIAO: 'Medical assistance',
      JIAOYU: 'Education assistance', ZHUFANG: 'Housing assistance', JIUYE: 'Employment assistance', SHOUZAI: 'Disaster relief',
    },
    outcomes: { RESIDUAL_NEED: 'Need remains after government aid: social care assistance', GOV_AID_ONLY: 'Government aid only', NO_NEED: 'No need' },
    categories: {
      BASIC_LIVING: 'Basic living', MEDICAL: 'Medical', EDUCATION: 'Education', HOUSING: 'Housing', EMPLOYMENT: 'Employment', CARE: 'Care',
      PSYCHOLOGICAL: 'Psychological', LEGAL: 'Legal aid', EMERGENCY: 'Emergency', OTHER: 'Other',
    },
    severities: { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' },
    hukou: { CHENGDU: 'Chengdu hukou', OTHER: 'Other hukou' },
    sex: { M: 'Male', F: 'Female' },
    events: {
      CASE_OPENED: 'Case opened', REGISTERED: 'Registered', CLAIM: 'Task claimed', RELEASE: 'Task released', SCREENED: 'Screened',
      GOV_AID_GRANTED: 'Government aid granted', GOV_AID_DENIED: 'Government aid denied', ASSESSED: 'Assessed', PLAN_SUBMITTED: 'Plan submitted',
      PLAN_APPROVED: 'Plan approved', PLAN_RETURNED: 'Plan returned', FOLLOWED_UP: 'Followed up', CLOSE: 'Closed', MATCHED: 'Matched',
      DELIVERED: 'Delivered', ESCALATE: 'Escalated', ESCALATION_ACCEPTED: 'Escalation accepted', ESCALATION_RETURNED: 'Escalation returned',
      REFER_JOINT_MEETING: 'Referred to joint meeting', MEETING_RESOLVED: 'Joint meeting resolved', MARK_EMERGENCY: 'Marked as emergency',
      TEMP_AID_GIVEN: 'Temporary assistance given', PROPOSE_CLOSURE: 'Closure proposed', CLOSURE_APPROVED: 'Closure approved',
      CLOSURE_REJECTED: 'Closure rejected', SUSPEND: 'Suspended', RESUME: 'Resumed', REOPEN: 'Reopened', ADD_NOTE: 'Note', FLAG: 'Flagged',
      UNFLAG: 'Unflagged', SLA_WARNING: 'SLA warning', SLA_BREACHED: 'SLA breached', FOLLOW_UP_DUE: 'Follow-up due', REOPEN_WINDOW_ENDED: 'Archived',
      REASSIGN: 'Task reassigned',
    },
    flags: { SAFETY_RISK: 'Safety risk', HEALTH_RISK: 'Health risk', CHILD_AT_RISK: 'Child at risk', DISPUTE: 'Dispute', OTHER: 'Other' },
    noteKinds: { VISIT: 'Visit record', CALL: 'Phone call', NOTE: 'Note' },
    caseActions: {
      ESCALATE: 'Escalate', REFER_JOINT_MEETING: 'Refer to joint meeting', SUSPEND: 'Suspend', RESUME: 'Resume', CLOSE: 'Close', PROPOSE_CLOSURE: 'Propose closure',
      REOPEN: 'Reopen', MARK_EMERGENCY: 'Mark as emergency', FLAG: 'Add flag', reason: 'Reason', closureReason: 'Closure reason', flag: 'Flag', done: 'Done',
    },
    notes: { title: 'Add a note', text: 'Text', kind: 'Kind', files: 'Attachments (photos or PDF)', add: 'Save note', added: 'Note saved' },
    board: { title: 'Escalation board', incoming: 'Incoming escalations', overdue: 'Overdue tasks (my unit and below)' },
    sla: {
      title: 'SLA monitor', unit: 'Unit', tier: 'Tier', open: 'Open', dueSoon: 'Due within 24 h', overdue: 'Overdue', breachRate: 'Breach rate',
      levels: { CITY: 'City', DISTRICT: 'District/county', TOWNSHIP: 'Township/street', COMMUNITY: 'Village/community' },
      policies: 'SLA policy', calendar: 'Working-day calendar', normal: 'Normal', emergency: 'Emergency', unitLabel: 'Unit', warnAt: 'Warn at (share)',
      onBreach: 'On breach', units: { HOURS: 'hours', WORKING_DAYS: 'working days' }, effects: { NOTIFY: 'Notify supervisor', AUTO_ESCALATE: 'Auto-escalate' },
      date: 'Date', dayKind: 'Kind', dayName: 'Name', dayKinds: { HOLIDAY: 'Holiday', WORKDAY: 'Make-up working day' },
    },
    notificationsPage: { title: 'Notifications', kind: 'What', read: 'Mark read', kinds: { SLA_WARNING: 'Task due soon', SLA_BREACHED: 'Task overdue', ESCALATED: 'Escalation received', ASSIGNED: 'Task assigned to you' } },
    forms: {
      verified: 'Identity verified', note: 'Note', referrals: 'Referred government schemes', outcome: 'Screening outcome', granted: 'Government aid granted',
      needs: 'Needs', category: 'Category', severity: 'Severity', description: 'Description', summary: 'Plan summary', approved: 'Approve the plan',
      reason: 'Reason for returning', resolved: 'Difficulty resolved',
      matchPending: 'This task has no form.', atLeastOneNeed: 'Enter at least one need',
      matches: 'Matched resources', resource: 'Resource / project', provider: 'Provider', items: 'What was delivered', what: 'What', amount: 'Amount',
      unitOfAmount: 'Unit', accepted: 'Accept the escalation', target: 'Then go to', guidance: 'Guidance for the lower tier', next: 'Then go to',
      actions: 'Assigned actions', department: 'Department', action: 'Action', deadline: 'Deadline', scheme: 'Assistance', schemes: { LINSHI: 'Temporary assistance', XIANXING: 'Advance assistance' },
      targets: { assessment: 'Re-assessment', matching: 'Matching' }, nexts: { matching: 'Matching', delivery: 'Delivery' },
    },
    case: { timeline: 'Timeline', tasks: 'Tasks', by: 'by %{name}', register: 'Register a case', emergencyHint: 'People without Chengdu hukou are accepted only in an emergency (§四(一))' },
  },
};
