import { enVocabulary, zhVocabulary } from '../i18n/vocabulary.ts';

/**
 * Messages of the matching screens, merged into zh.ts / en.ts by the i18n provider. Keys live under
 * `resources.<name>` for resources and under `guanai.matching` for the rest (and the problem types
 * of these routes under `guanai.problems`).
 */
export const zhMatching = {
  resources: {
    resources: {
      name: '援助项目 |||| 援助项目库',
      fields: {
        name: '名称', kind: '类型', description: '简介', providerId: '提供方', providerName: '提供方', coverageUnitId: '服务范围', coverageUnitName: '服务范围',
        categories: '解决的需求类别', category: '需求类别', capacity: '名额', reservedPlaces: '已占用名额', remainingPlaces: '剩余名额', budget: '资金（元）',
        reservedAmount: '已占用资金', remainingAmount: '剩余资金', remaining: '剩余', validFrom: '有效期起', validTo: '有效期止', status: '状态',
        contractNo: '合同编号', serviceStandard: '服务标准', campaignType: '募捐类型', target: '募捐目标（元）', deadline: '募捐截止日期', createdAt: '创建时间',
        updatedAt: '更新时间', q: '搜索（名称或提供方）',
        eligibility: {
          hukou: '户籍要求', minAge: '最低年龄', maxAge: '最高年龄', maxIncomePerHead: '家庭人均月收入上限（元）', disability: '仅面向残疾人', tagsAny: '对象类别（符合其一即可）',
        },
      },
    },
    partners: {
      name: '合作机构 |||| 合作机构',
      fields: { name: '名称', kind: '类型', creditCode: '统一社会信用代码', contact: '联系人', phone: '电话', active: '启用', createdAt: '创建时间' },
    },
    matches: {
      name: '对接申请 |||| 对接申请',
      fields: {
        status: '状态', caseNo: '案件编号', townshipName: '乡镇(街道)', communityName: '村(社区)', category: '需求类别', severity: '程度', needDescription: '需求说明',
        resourceName: '援助项目', providerName: '提供方', places: '名额', amount: '金额', quantity: '名额/金额', note: '备注', declineReason: '拒绝/撤回理由', personName: '求助人',
        createdAt: '提出时间', decidedAt: '处理时间',
        person: { name: '姓名', phone: '电话', address: '住址' },
      },
    },
    projects: {
      name: '发布的项目 |||| 项目发布平台',
      fields: {
        title: '标题', description: '说明', category: '需求类别', townshipName: '乡镇(街道)', districtName: '区(市)县', amount: '所需金额', service: '所需服务',
        need: '所需', status: '状态', responses: '响应数', publishedAt: '发布时间',
      },
    },
  },
  guanai: {
    problems: {
      'capacity-exhausted': '名额或资金刚被他人占用，已不足', 'already-matched': '该资源已对接过此需求', 'not-eligible': '该资源不符合此需求的条件',
      'not-proposed': '该对接已处理过', 'not-live': '该对接已结束', delivered: '已有落实记录，不能撤回', 'not-accepted': '合作机构尚未接受该对接',
      'over-delivery': '落实金额超过对接金额', 'already-published': '此需求已发布过', 'not-published': '项目已结束', 'already-responded': '本机构已响应过此项目',
      closed: '已关闭的项目不能再改变状态', 'not-a-campaign': '只有募捐项目可以登记捐赠', 'below-reserved': '不能低于已占用的名额或资金',
      'duplicate-partner': '已有同名或同一信用代码的机构',
    },
    matching: {
      menu: { resources: '援助项目库', partners: '合作机构', matches: '对接申请', projects: '项目发布平台' },
      partnerForm: { creditCode: '须为18位统一社会信用代码' },
      kinds: zhVocabulary.resourceKinds,
      resourceStatus: { DRAFT: '草稿', PUBLISHED: '已发布', PAUSED: '已暂停', CLOSED: '已关闭' },
      partnerKinds: { CHARITY: '慈善组织', SOCIAL_WORK_AGENCY: '社工机构', VOLUNTEER_TEAM: '志愿服务队', SERVICE_PROVIDER: '服务机构', GOVERNMENT_DEPARTMENT: '政府部门' },
      matchStatus: { PROPOSED: '待接受', ACCEPTED: '已接受', DECLINED: '已拒绝', CANCELLED: '已撤回' },
      projectStatus: { PUBLISHED: '征集中', FUNDED: '已获资助', WITHDRAWN: '已撤下' },
      deliveryKinds: zhVocabulary.deliveryKinds,
      campaignTypes: { PUBLIC: '公募', DIRECTED: '定向' },
      tiers: { TOWNSHIP: '本乡镇(街道)', DISTRICT: '本区(市)县', CITY: '全市' },
      checks: {
        STATUS: '状态', VALIDITY: '有效期', CATEGORY: '需求类别', COVERAGE: '服务范围', HUKOU: '户籍', AGE: '年龄', INCOME: '收入', DISABILITY: '残疾', TAGS: '对象类别',
        PLACES: '名额', BUDGET: '资金',
      },
      verify: '需核实',
      places: '剩余名额 %{left}', amount: '剩余资金 %{amount}', unlimited: '不限名额', placesOf: '%{places} 个名额',
      eligibility: {
        title: '申请条件', none: '不限条件', hukou: '户籍：%{list}', age: '年龄 %{min}–%{max} 岁', minAge: '%{min} 岁及以上', maxAge: '%{max} 岁及以下',
        income: '家庭人均月收入不高于 %{amount}', disability: '仅面向残疾人', tags: '对象类别之一：%{list}',
      },
      status: {
        publish: '发布', pause: '暂停', close: '关闭', closeTitle: '关闭项目', closeConfirm: '关闭后不能再发布；已对接的名额和资金保留。确定关闭“%{name}”？', changed: '状态已更新',
      },
      donations: {
        title: '捐赠台账', add: '登记捐赠', donorName: '捐赠人（匿名填“爱心人士”）', amount: '金额（元）', receivedOn: '到账日期', channel: '渠道（可选）',
        none: '暂无捐赠', added: '已登记捐赠', raised: '已募集 %{raised} / 目标 %{target}',
      },
      form: {
        basics: '基本信息', kindFields: '类型要求', eligibility: '申请条件（不填则不限）', capacityHelp: '不填表示不按名额', budgetHelp: '不填表示不提供资金',
        raisedHelp: '募捐的资金即登记的捐赠', kindFixed: '类型创建后不可修改', hukouAny: '不选则不限户籍',
      },
      panel: {
        title: '供需对接', need: '需求 %{n}', candidates: '候选资源（按优先顺序）', noCandidates: '没有符合条件的资源', rank: '第 %{rank} 位', propose: '对接', proposed: '已对接',
        excluded: '未入选的资源及原因（%{count}）', escalation: '本级无可对接资源，可上报上级中心', escalate: '上报上级中心', escalateReason: '上报理由', escalated: '已上报上级中心',
        matches: '对接记录', noMatches: '暂无对接', cancel: '撤回', cancelTitle: '撤回对接', cancelReason: '撤回理由', cancelled: '已撤回对接', open: '详情',
        publish: '发布到项目平台', published: '已发布到项目平台：%{title}', subject: '对象：%{age} · %{hukou} · 家庭人均月收入 %{income}', unknown: '未登记', years: '%{age} 岁',
      },
      propose: {
        title: '对接：%{name}', places: '名额', amount: '金额（元）', amountHelp: '剩余 %{amount}', placesHelp: '剩余 %{left} 个', note: '备注（合作机构可见）',
        done: '已提交对接申请，等待合作机构接受', positive: '须大于 0',
      },
      publish: {
        title: '发布到项目平台', help: '发布的内容对所有合作机构和公众可见：不要写姓名、电话、证件号或住址。', titleField: '标题（至少4个字）', description: '说明（至少10个字）',
        amount: '所需金额（元）', service: '所需服务', amountOrService: '请填写所需金额或所需服务', done: '已发布到项目平台',
        defaultTitle: '困难家庭%{category}援助', identifying: '不能包含可识别求助人的信息（姓名、电话、证件号或住址）',
      },
      portal: {
        accept: '接受', decline: '拒绝', declineTitle: '拒绝对接', declineReason: '拒绝理由', accepted: '已接受对接', declined: '已拒绝对接',
        maskedHint: '接受后可见求助人姓名、电话和住址', person: '求助人', need: '需求', resource: '援助项目', deliveries: '落实台账', noDeliveries: '尚未登记落实',
        record: '登记落实', recorded: '已登记落实', evidence: '凭证（照片或 PDF，可多选）', evidenceCount: '凭证 %{smart_count} 份', kind: '方式', description: '内容',
        amount: '金额（元）', quantity: '数量', hours: '服务时长（小时）', deliveredOn: '落实日期', uploading: '正在上传凭证…', openCase: '查看案件', chosen: '已选 %{count} 个文件',
        notFuture: '不能晚于今天', hoursUnit: '小时', evidenceN: '凭证 %{n}',
      },
      projects: {
        respond: '响应项目', message: '响应说明（至少4个字）', amount: '可资助金额（元，可选）', resource: '使用本机构的援助项目（可选）', responded: '已提交响应',
        responses: '合作机构的响应', noResponses: '暂无响应', yourResponse: '本机构的响应', close: '结束项目', closeTitle: '结束项目', funded: '已获资助',
        withdrawn: '撤下项目', closed: '项目已结束', openCase: '查看案件', withResource: '使用：%{name}',
      },
      task: {
        fromMatchesHelp: '取本案所有已被合作机构接受的对接。', fromLedgerHelp: '取本案已接受对接上登记的全部落实记录。',
      },
    },
  },
};

export const enMatching: typeof zhMatching = {
  resources: {
    resources: {
      name: 'Resource |||| Resource catalogue',
      fields: {
        name: 'Name', kind: 'Kind', description: 'Description', providerId: 'Provider', providerName: 'Provider', coverageUnitId: 'Coverage', coverageUnitName: 'Coverage',
        categories: 'Need categories', category: 'Need category', capacity: 'Places', reservedPlaces: 'Places held', remainingPlaces: 'Places left', budget: 'Budget (yuan)',
        reservedAmount: 'Amount held', remainingAmount: 'Amount left', remaining: 'Left', validFrom: 'Valid from', validTo: 'Valid to', status: 'Status',
        contractNo: 'Contract no.', serviceStandard: 'Service standard', campaignType: 'Campaign type', target: 'Target (yuan)', deadline: 'Campaign deadline', createdAt: 'Created',
        updatedAt: 'Updated', q: 'Search (name or provider)',
        eligibility: {
          hukou: 'Hukou', minAge: 'Minimum age', maxAge: 'Maximum age', maxIncomePerHead: 'Max. household income per head (yuan/month)', disability: 'For people with a disability only',
          tagsAny: 'Vulnerability (any of)',
        },
      },
    },
    partners: {
      name: 'Partner |||| Partners',
      fields: { name: 'Name', kind: 'Kind', creditCode: 'Unified social credit code', contact: 'Contact', phone: 'Phone', active: 'Active', createdAt: 'Created' },
    },
    matches: {
      name: 'Match |||| Match requests',
      fields: {
        status: 'Status', caseNo: 'Case no.', townshipName: 'Township', communityName: 'Community', category: 'Need category', severity: 'Severity', needDescription: 'Need',
        resourceName: 'Resource', providerName: 'Provider', places: 'Places', amount: 'Amount', quantity: 'Places / amount', note: 'Note', declineReason: 'Reason declined / withdrawn',
        personName: 'Person', createdAt: 'Proposed', decidedAt: 'Decided',
        person: { name: 'Name', phone: 'Phone', address: 'Address' },
      },
    },
    projects: {
      name: 'Project |||| Project platform',
      fields: {
        title: 'Title', description: 'Description', category: 'Need category', townshipName: 'Township', districtName: 'District', amount: 'Amount needed', service: 'Service needed',
        need: 'Needed', status: 'Status', responses: 'Responses', publishedAt: 'Published',
      },
    },
  },
  guanai: {
    problems: {
      'capacity-exhausted': 'The places or money were just taken; not enough left', 'already-matched': 'This resource is already matched to this need',
      'not-eligible': 'This resource does not fit this need', 'not-proposed': 'This match has already been decided', 'not-live': 'This match has ended',
      delivered: 'Something was delivered on it; it cannot be withdrawn', 'not-accepted': 'The partner has not accepted this match',
      'over-delivery': 'More money than was matched', 'already-published': 'This need is already published', 'not-published': 'The project has ended',
      'already-responded': 'Your organisation has already responded', closed: 'A closed resource stays closed', 'not-a-campaign': 'Only fundraising campaigns take donations',
      'below-reserved': 'Not below what is already held', 'duplicate-partner': 'Another partner has this name or credit code',
    },
    matching: {
      menu: { resources: 'Resource catalogue', partners: 'Partners', matches: 'Match requests', projects: 'Project platform' },
      partnerForm: { creditCode: 'Must be an 18-character unified social credit code' },
      kinds: enVocabulary.resourceKinds,
      resourceStatus: { DRAFT: 'Draft', PUBLISHED: 'Published', PAUSED: 'Paused', CLOSED: 'Closed' },
      partnerKinds: { CHARITY: 'Charity', SOCIAL_WORK_AGENCY: 'Social work agency', VOLUNTEER_TEAM: 'Volunteer team', SERVICE_PROVIDER: 'Service provider', GOVERNMENT_DEPARTMENT: 'Government department' },
      matchStatus: { PROPOSED: 'Awaiting acceptance', ACCEPTED: 'Accepted', DECLINED: 'Declined', CANCELLED: 'Withdrawn' },
      projectStatus: { PUBLISHED: 'Open', FUNDED: 'Funded', WITHDRAWN: 'Withdrawn' },
      deliveryKinds: enVocabulary.deliveryKinds,
      campaignTypes: { PUBLIC: 'Public', DIRECTED: 'Directed' },
      tiers: { TOWNSHIP: 'This township', DISTRICT: 'This district', CITY: 'Citywide' },
      checks: {
        STATUS: 'Status', VALIDITY: 'Validity', CATEGORY: 'Category', COVERAGE: 'Coverage', HUKOU: 'Hukou', AGE: 'Age', INCOME: 'Income', DISABILITY: 'Disability', TAGS: 'Vulnerability',
        PLACES: 'Places', BUDGET: 'Money',
      },
      verify: 'Check',
      places: '%{left} places left', amount: '%{amount} left', unlimited: 'No place limit', placesOf: '%{places} place(s)',
      eligibility: {
        title: 'Eligibility', none: 'Open to everyone', hukou: 'Hukou: %{list}', age: 'Aged %{min}–%{max}', minAge: 'Aged %{min} or over', maxAge: 'Aged %{max} or under',
        income: 'Household income per head at most %{amount}/month', disability: 'People with a disability only', tags: 'Any of: %{list}',
      },
      status: {
        publish: 'Publish', pause: 'Pause', close: 'Close', closeTitle: 'Close the resource', closeConfirm: 'A closed resource cannot be published again; places and money already matched stay held. Close “%{name}”?',
        changed: 'Status updated',
      },
      donations: {
        title: 'Donations ledger', add: 'Record a donation', donorName: 'Donor (爱心人士 if anonymous)', amount: 'Amount (yuan)', receivedOn: 'Received on', channel: 'Channel (optional)',
        none: 'No donations yet', added: 'Donation recorded', raised: 'Raised %{raised} of %{target}',
      },
      form: {
        basics: 'Basics', kindFields: 'Kind requirements', eligibility: 'Eligibility (empty: no condition)', capacityHelp: 'Empty: no place limit', budgetHelp: 'Empty: gives no money',
        raisedHelp: 'A campaign’s money is the donations recorded', kindFixed: 'The kind cannot change after creation', hukouAny: 'None ticked: any hukou',
      },
      panel: {
        title: 'Matching', need: 'Need %{n}', candidates: 'Candidates (best first)', noCandidates: 'No resource fits', rank: '#%{rank}', propose: 'Propose', proposed: 'Proposed',
        excluded: 'Resources not selected, and why (%{count})', escalation: 'Nothing at this tier can answer this need; you may escalate to the upper center', escalate: 'Escalate',
        escalateReason: 'Reason for escalating', escalated: 'Escalated to the upper center', matches: 'Matches', noMatches: 'No matches yet', cancel: 'Withdraw', cancelTitle: 'Withdraw the match',
        cancelReason: 'Reason', cancelled: 'Match withdrawn', open: 'Details', publish: 'Publish on the platform', published: 'Published on the platform: %{title}',
        subject: 'Person: %{age} · %{hukou} · household income per head %{income}', unknown: 'not recorded', years: 'aged %{age}',
      },
      propose: {
        title: 'Propose: %{name}', places: 'Places', amount: 'Amount (yuan)', amountHelp: '%{amount} left', placesHelp: '%{left} left', note: 'Note (the partner sees it)',
        done: 'Proposed; waiting for the partner to accept', positive: 'Must be more than 0',
      },
      publish: {
        title: 'Publish on the project platform', help: 'Every partner and the public see what you publish: no name, phone, ID number or address.', titleField: 'Title (4 characters or more)',
        description: 'Description (10 characters or more)', amount: 'Amount needed (yuan)', service: 'Service needed', amountOrService: 'Give the amount or the service needed', done: 'Published on the platform',
        defaultTitle: '%{category} assistance for a family in hardship', identifying: 'Must not identify the person (name, phone, ID number or address)',
      },
      portal: {
        accept: 'Accept', decline: 'Decline', declineTitle: 'Decline the match', declineReason: 'Reason for declining', accepted: 'Match accepted', declined: 'Match declined',
        maskedHint: 'The person’s name, phone and address show once you accept', person: 'Person', need: 'Need', resource: 'Resource', deliveries: 'Delivery ledger',
        noDeliveries: 'Nothing recorded as delivered yet', record: 'Record a delivery', recorded: 'Delivery recorded', evidence: 'Evidence (photos or PDF, several allowed)',
        evidenceCount: '%{smart_count} evidence file |||| %{smart_count} evidence files', kind: 'Kind', description: 'What was given', amount: 'Amount (yuan)', quantity: 'Quantity', hours: 'Hours',
        deliveredOn: 'Delivered on', uploading: 'Uploading evidence…', openCase: 'Open case', chosen: '%{count} file(s) chosen',
        notFuture: 'Not later than today', hoursUnit: 'hours', evidenceN: 'Evidence %{n}',
      },
      projects: {
        respond: 'Respond', message: 'Message (4 characters or more)', amount: 'Amount offered (yuan, optional)', resource: 'One of your resources (optional)', responded: 'Response sent',
        responses: 'Partners’ responses', noResponses: 'No responses yet', yourResponse: 'Your organisation’s response', close: 'End the project', closeTitle: 'End the project',
        funded: 'Funded', withdrawn: 'Withdraw', closed: 'Project ended', openCase: 'Open case', withResource: 'with %{name}',
      },
      task: {
        fromMatchesHelp: 'Takes every match of this case a partner has accepted.', fromLedgerHelp: 'Takes every delivery recorded on this case’s accepted matches.',
      },
    },
  },
};
