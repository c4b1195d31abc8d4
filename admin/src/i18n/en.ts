import englishMessages from 'ra-language-english';
import { enVocabulary } from './vocabulary.ts';
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
    'org-units': {
      name: 'Unit |||| Org units',
      fields: {
        code: 'Division code', name: 'Name', level: 'Level', parentId: 'Parent unit', parentName: 'Parent unit', children: 'Sub-units', users: 'Users',
        createdAt: 'Created', q: 'Search',
      },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        username: 'Username', displayName: 'Name', role: 'Role', orgUnitId: 'Unit', orgUnitName: 'Unit', partnerId: 'Partner organisation', partnerName: 'Partner organisation', active: 'Active', password: 'Initial password (optional)',
        createdAt: 'Created', q: 'Search',
      },
    },
    people: {
      name: 'Person |||| People registry',
      fields: {
        name: 'Name', sex: 'Sex', birthDate: 'Birth date', idType: 'Document type', idNumber: 'Document number', idNumberMasked: 'Document number', phone: 'Phone',
        address: 'Address', hukou: 'Hukou', communityId: 'Village/community', communityName: 'Village/community', relation: 'Relation to head', tags: 'Vulnerability',
        tag: 'Vulnerability', openCases: 'Open cases', createdAt: 'Registered', updatedAt: 'Updated', q: 'Search (name, phone or full ID number)',
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
      'duplicate-person': 'This document number is already registered', 'possible-duplicate': 'Possibly someone already registered', conflict: 'Conflicts with existing data',
    },
    kinds: {
      REGISTER: 'Register', SCREEN: 'Government-aid screening', MONITOR: 'Track government aid', ASSESS: 'Needs assessment', PLAN: 'Draft plan',
      APPROVE_PLAN: 'Approve plan', MATCH: 'Match resources', DELIVER: 'Deliver', FOLLOW_UP: 'Follow-up', ACCEPT_ESCALATION: 'Review escalation',
      JOINT_MEETING: 'Joint-meeting resolution', EMERGENCY_AID: 'Temporary assistance', APPROVE_CLOSURE: 'Approve closure', MEETING_ACTION: 'Joint-meeting action',
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
      slaBreached: 'Escalated automatically, overdue: %{kind}',
    },
    schemes: {
      DIBAO: 'Minimum living allowance', TEKUN: 'Extreme-poverty support', LINSHI: 'Temporary assistance', YILIAO: 'Medical assistance',
      JIAOYU: 'Education assistance', ZHUFANG: 'Housing assistance', JIUYE: 'Employment assistance', SHOUZAI: 'Disaster relief',
    },
    outcomes: { RESIDUAL_NEED: 'Need remains after government aid: social care assistance', GOV_AID_ONLY: 'Government aid only', NO_NEED: 'No need' },
    categories: enVocabulary.categories,
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
      title: 'SLA monitor', unit: 'Unit', tier: 'Tier', open: 'Open', warned: 'Warned', overdue: 'Overdue', breachRate: 'Breach rate',
      levels: { CITY: 'City', DISTRICT: 'District/county', TOWNSHIP: 'Township/street', COMMUNITY: 'Village/community' },
      policies: 'SLA policy', calendar: 'Working-day calendar', normal: 'Normal', emergency: 'Emergency', unitLabel: 'Unit', warnAt: 'Warn at (share)',
      onBreach: 'On breach', units: { HOURS: 'hours', WORKING_DAYS: 'working days' }, effects: { NOTIFY: 'Notify supervisor', AUTO_ESCALATE: 'Auto-escalate' },
      date: 'Date', dayKind: 'Kind', dayName: 'Name', dayKinds: { HOLIDAY: 'Holiday', WORKDAY: 'Make-up working day' },
    },
    notificationsPage: { title: 'Notifications', kind: 'What', read: 'Mark read', kinds: { SLA_WARNING: 'Task due soon', SLA_BREACHED: 'Task overdue', ESCALATED: 'Escalation received', ASSIGNED: 'Task assigned to you' } },
    forms: {
      verified: 'Identity verified', meetingOutcome: 'What the department did', note: 'Note', referrals: 'Referred government schemes', outcome: 'Screening outcome', granted: 'Government aid granted',
      needs: 'Needs', category: 'Category', severity: 'Severity', description: 'Description', summary: 'Plan summary', approved: 'Approve the plan',
      reason: 'Reason for returning', resolved: 'Difficulty resolved',
      matchPending: 'This task has no form.', atLeastOneNeed: 'Enter at least one need',
      amount: 'Amount', accepted: 'Accept the escalation', target: 'Then go to', guidance: 'Guidance for the lower tier', next: 'Then go to',
      actions: 'Assigned actions', department: 'Department', action: 'Action', deadline: 'Deadline', scheme: 'Assistance', schemes: { LINSHI: 'Temporary assistance', XIANXING: 'Advance assistance' },
      targetHelp: '§四(二) By default the case goes back to the step it left; re-assessment once it was assessed, matching once its plan was approved', targets: { resume: 'Back to the step it left', assessment: 'Re-assessment', matching: 'Matching' }, nexts: { matching: 'Matching', delivery: 'Delivery' },
    },
    orgLevels: { CITY: 'City', DISTRICT: 'District/county', TOWNSHIP: 'Township/street', COMMUNITY: 'Village/community' },
    roles: {
      DISCOVERER: 'Discoverer', STATION_WORKER: 'Station worker', CASEWORKER: 'Caseworker', SUPERVISOR: 'Supervisor', MANAGER: 'Manager', PARTNER: 'Partner',
      ADMIN: 'Administrator',
    },
    tags: {
      ELDERLY_ALONE: 'Elderly living alone', LEFT_BEHIND_ELDERLY: 'Left-behind elderly', DISABILITY: 'Disability', SERIOUS_ILLNESS: 'Serious illness',
      LEFT_BEHIND_CHILD: 'Left-behind child', UNSUPPORTED_CHILD: 'De facto unsupported child', DIBAO: 'Minimum living allowance', TEKUN: 'Extreme poverty',
      LOW_INCOME: 'Low income', SINGLE_PARENT: 'Single parent', UNEMPLOYED: 'Unemployed',
    },
    relations: { HEAD: 'Head', SPOUSE: 'Spouse', CHILD: 'Child', PARENT: 'Parent', GRANDCHILD: 'Grandchild', GRANDPARENT: 'Grandparent', SIBLING: 'Sibling', OTHER: 'Other' },
    idTypes: {
      RESIDENT_ID: 'Resident ID card', HK_MACAO_PERMIT: 'Hong Kong/Macao permit', TAIWAN_PERMIT: 'Taiwan permit', PASSPORT: 'Passport',
      FOREIGN_PERMANENT_ID: 'Foreign permanent residence ID', OTHER: 'Other document',
    },
    orgUnits: {
      menu: 'Org units', import: 'Import roster', importTitle: 'Import an org roster',
      importHelp: 'A CSV file whose first line is code,name,level,parent_code (12-digit division code, name, level, parent code). Nothing is imported while any row is wrong.',
      chooseFile: 'Choose a CSV file', dryRun: 'Dry run', run: 'Import', clean: '%{rows} rows, all clean: ready to import', bad: '%{smart_count} problem(s); nothing was imported',
      line: 'Line %{line}', imported: '%{imported} units imported', codeFormat: 'Must be a 12-digit division code', parentHint: 'A unit one level up',
      fixed: 'Code, level and parent cannot be changed once created',
    },
    users: {
      temporaryPassword: 'Temporary password', temporaryPasswordHelp: 'Give this temporary password to %{name} in person or by phone. It is shown only once; they should change it when they sign in.',
      resetPassword: 'Reset password', resetConfirm: "Reset %{name}'s password? All their sessions end at once.", copy: 'Copy', copied: 'Copied',
      passwordRule: 'At least 10 characters, with a letter and a digit', passwordHelp: 'Leave empty for a one-time temporary password', unitHint: '%{levels}', done: 'Done',
    },
    password: {
      title: 'Change password', current: 'Current password', new: 'New password', confirm: 'New password again', mismatch: 'The new passwords differ', changed: 'Password changed',
    },
    people: {
      menu: 'People registry', export: 'Export', exported: 'Exported', import: 'Import roster', openCase: 'Open a case', addMember: 'Add household member', household: 'Household',
      cases: 'Cases', noMembers: 'No other household members', noCases: 'No cases', revealId: 'Show full ID number', revealTitle: 'Show the full ID number',
      revealReason: 'Reason (recorded in the audit log)', reasonRule: 'Say why (at least 4 characters)', merge: 'Merge', mergeTitle: 'Merge a duplicate record',
      mergeHelp: "This record's cases and household move to the record kept, which takes any details it lacks; this record is marked as merged.",
      mergeInto: 'Record to keep', mergeReason: 'Reason for merging', notSelf: 'Cannot merge a record into itself', merged: 'Merged into the record kept',
      mergedInto: 'This record was merged; use the record kept.', openKept: 'Open the record kept',
      joinHousehold: "Joins this household (the household's address by default)", communityOptional: 'Your own village/community when left empty',
      income: 'Household income ¥%{income} a month (¥%{perHead} a head)', incomeUnknown: 'Household income not recorded (to check when matching)',
      editIncome: 'Record household income', incomeLabel: 'Household income a month (yuan)', incomeHelp: 'All members together; leave empty when unknown', incomeSaved: 'Household income saved',
      idNumberInvalid: 'Not a valid 18-character resident ID number (check digit)', personal: 'Personal data', view: 'Open', idNumberKeep: 'Leave empty to keep the current number',
    },
    duplicates: {
      'duplicate-person': 'This document number is already registered: use the existing record', 'possible-duplicate': 'This may be someone already registered: please check',
      early: 'Please check: this person may already be registered', match: { ID_NUMBER: 'Same ID number', PHONE: 'Same phone', NAME_ADDRESS: 'Similar name, same address' },
      outside: 'Outside your jurisdiction', open: 'Open record', notSame: 'Not the same person, register anyway', useExisting: 'Open the case for this person',
    },
    peopleImport: {
      title: 'Import a people roster', chooseFile: 'Choose a file (.csv or .xlsx)', dryRun: 'Dry run', run: 'Import', template: 'Download template',
      help: 'A dry run only checks. Import imports the clean rows and skips each bad or duplicate row with its reason.',
      columns: 'Columns (first row holds the names, Chinese or English)', column: 'Column', meaning: 'How to fill it', progress: '%{processed} / %{total} rows processed',
      total: 'Rows', imported: 'Imported', importable: 'Importable', skipped: 'Skipped', problems: 'Problems', line: 'Line', field: 'Column', reason: 'Reason',
      noProblems: 'No problems found', dryRunNote: 'This is a dry run: nothing was imported.', failed: 'The import failed',
      status: { RUNNING: 'Running', DONE: 'Done', FAILED: 'Failed' },
      cols: {
        name: 'Required', id_type: 'Resident ID card (default), passport … or the code', id_number: '18 characters for a resident ID card', sex: '男/女 or M/F',
        birth_date: 'YYYY-MM-DD', phone: 'Mobile (11 digits) or landline', address: 'Address', hukou: '成都/外地 or CHENGDU/OTHER',
        community_code: "The village/community's 12-digit division code", household_no: 'Rows with the same number form one household',
        relation: '户主/配偶/子女/父母/孙子女/祖父母/兄弟姐妹/其他 or the codes', tags: 'Separated by ; ；、 or |, Chinese names or codes',
      },
    },
    case: { timeline: 'Timeline', tasks: 'Tasks', by: 'by %{name}', register: 'Register a case', forPerson: 'Opening a case for: %{name}', emergencyHint: 'People without Chengdu hukou are accepted only in an emergency (§四(一))' },
  },
};
