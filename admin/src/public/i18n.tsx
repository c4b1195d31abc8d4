import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { enVocabulary, zhVocabulary } from '../i18n/vocabulary.ts';

/**
 * The words of the public pages (public.html, survey.html): Chinese first, English on request. These
 * pages run without react-admin, so they carry their own small dictionary of sentences; the labels of
 * the vocabularies (need categories, delivery and resource kinds, snapshot kinds, survey questions)
 * are the admin's (i18n/vocabulary.ts), keyed by the codes of @guanai/workflows/vocabulary.
 */
const zh = {
  app: '关爱援助',
  switchTo: 'English',
  publicTitle: '信息公开',
  tabs: { disclosure: '过程信息公开', projects: '公益项目' },
  loadFailed: '加载失败，请稍后重试',
  categories: zhVocabulary.categories,
  disclosure: {
    title: '过程信息公开',
    intro: '每月1日公开上月的社会关爱援助明细。受助人姓名部分隐去，地点只到乡镇(街道)，不公开身份证号、电话和住址。',
    months: '已公开的月份',
    none: '尚未公开任何月份。',
    heading: '%{period} 援助明细',
    version: '第 %{version} 版',
    published: '发布于 %{at}',
    kinds: zhVocabulary.publishKinds,
    correction: '更正',
    older: '您正在查看 %{period} 的第 %{version} 版（历史版本），最新为第 %{latest} 版。',
    latest: '查看最新版本',
    rows: '援助明细',
    noRows: '本月没有可公开的明细。',
    cols: {
      recipient: '受助人',
      township: '乡镇(街道)',
      category: '需求类别',
      resource: '援助项目',
      kind: '方式',
      value: '金额/时长',
      month: '月份',
    },
    deliveryKinds: zhVocabulary.deliveryKinds,
    hours: '%{n} 小时',
    quantity: '%{n} 件',
    suppressed: '因人数少于 %{threshold} 人未公开 %{suppressed} 条',
    suppressedWhy:
      '同一乡镇(街道)同一需求类别当月受助人数少于 %{threshold} 人时，为免个人被识别，不公开这些明细，只公开条数。',
    csv: '下载本版 CSV',
    projects: '项目资金情况（截至月末）',
    projectCols: { name: '项目', raised: '募集', disbursed: '拨付', balance: '结余', helped: '受助人数' },
    noProjects: '暂无项目资金数据。',
    versions: '版本记录',
    versionsHelp:
      '已发布的内容不会被修改：发现差错时，发布一个新的“更正”版本，原来的版本仍可查看。点击“查看此版本”可查看任一历史版本。',
    view: '查看此版本',
    viewing: '正在查看',
    reason: '更正说明：%{reason}',
    hash: '校验值',
  },
  projects: {
    title: '待资助的援助需求',
    intro: '以下是各社区发现、尚待社会资助的困难，已隐去个人信息。有意资助请联系所在乡镇(街道)社会关爱援助中心。',
    none: '目前没有待资助的需求。',
    amount: '所需金额 %{amount}',
    service: '所需服务：%{service}',
    published: '发布于 %{date}',
    offers: '正在开展的援助项目',
    offersIntro: '各类机构提供的援助资源与公益募捐。',
    noOffers: '目前没有公开的援助项目。',
    provider: '提供方：%{name}',
    coverage: '服务范围：%{name}',
    remaining: '剩余名额 %{n}',
    raised: '已筹 %{raised} / 目标 %{target}',
    deadline: '截止 %{date}',
    resourceKinds: zhVocabulary.resourceKinds,
  },
  survey: {
    title: '满意度回访',
    intro: '感谢您对%{center}工作的支持。请为我们的服务打分（1–5 星），您的评价将帮助我们改进。',
    introPlain: '请为我们的服务打分（1–5 星），您的评价将帮助我们改进。',
    questions: zhVocabulary.surveyQuestions,
    star: '%{n} 星',
    comment: '意见和建议（可不填）',
    submit: '提交评价',
    rateAll: '请为三项都打分',
    thanks: '谢谢您的评价！',
    thanksMore: '您的意见已经收到。祝您和家人生活顺利。',
    used: '这个链接已经用过或已过期',
    usedMore: '每个回访链接只能填写一次，14 天内有效。如果您还有意见或建议，请联系为您服务的社工，我们很愿意听。',
    missing: '链接不完整',
    missingMore: '请从社工发给您的消息中完整地打开链接。',
    failed: '提交没有成功，请稍后再试。%{detail}',
  },
};

type Dict = typeof zh;

const en: Dict = {
  app: 'Guanai',
  switchTo: '中文',
  publicTitle: 'Public information',
  tabs: { disclosure: 'Disclosure', projects: 'Projects' },
  loadFailed: 'Could not load; please try again later',
  categories: enVocabulary.categories,
  disclosure: {
    title: 'Process disclosure',
    intro:
      'On the 1st of each month the assistance given in the month before is published. Names are partly hidden, places shown down to the township only; no identity numbers, phones or addresses.',
    months: 'Published months',
    none: 'Nothing has been published yet.',
    heading: 'Assistance in %{period}',
    version: 'Version %{version}',
    published: 'Published %{at}',
    kinds: enVocabulary.publishKinds,
    correction: 'Correction',
    older: 'You are reading version %{version} of %{period} (an earlier version); the latest is version %{latest}.',
    latest: 'Read the latest version',
    rows: 'Assistance given',
    noRows: 'Nothing to show for this month.',
    cols: {
      recipient: 'Recipient',
      township: 'Township',
      category: 'Need',
      resource: 'Programme',
      kind: 'Form',
      value: 'Amount / hours',
      month: 'Month',
    },
    deliveryKinds: enVocabulary.deliveryKinds,
    hours: '%{n} h',
    quantity: '%{n} items',
    suppressed: '%{suppressed} rows withheld because fewer than %{threshold} people',
    suppressedWhy:
      'Where fewer than %{threshold} people of one township received help of one kind in the month, their rows are withheld so no one can be picked out; only their number is published.',
    csv: 'Download this version (CSV)',
    projects: 'Programme funds (at month end)',
    projectCols: {
      name: 'Programme',
      raised: 'Raised',
      disbursed: 'Paid out',
      balance: 'Balance',
      helped: 'People helped',
    },
    noProjects: 'No programme figures.',
    versions: 'Versions',
    versionsHelp:
      'What is published is never edited: a mistake is put right by publishing a new “correction” version, and earlier versions stay readable. Choose “Read this version” to see any of them.',
    view: 'Read this version',
    viewing: 'Reading',
    reason: 'Correction note: %{reason}',
    hash: 'Checksum',
  },
  projects: {
    title: 'Needs waiting for support',
    intro:
      'Hardships found in the communities that still need support, with personal details removed. To help, contact the township’s care-assistance center.',
    none: 'No needs are waiting for support now.',
    amount: 'Needs %{amount}',
    service: 'Service needed: %{service}',
    published: 'Published %{date}',
    offers: 'Programmes under way',
    offersIntro: 'Assistance offered by organisations, and public fundraising.',
    noOffers: 'No programmes are published now.',
    provider: 'By %{name}',
    coverage: 'Serves %{name}',
    remaining: '%{n} places left',
    raised: 'Raised %{raised} of %{target}',
    deadline: 'Until %{date}',
    resourceKinds: enVocabulary.resourceKinds,
  },
  survey: {
    title: 'Satisfaction survey',
    intro: 'Thank you for your trust in %{center}. Please rate our help (1–5 stars); your answers help us improve.',
    introPlain: 'Please rate our help (1–5 stars); your answers help us improve.',
    questions: enVocabulary.surveyQuestions,
    star: '%{n} stars',
    comment: 'Comments (optional)',
    submit: 'Send',
    rateAll: 'Please rate all three',
    thanks: 'Thank you!',
    thanksMore: 'Your answers have been received. We wish you and your family well.',
    used: 'This link has been used or has expired',
    usedMore:
      'Each survey link can be answered once, within 14 days. If you have more to tell us, please contact your social worker; we are glad to hear it.',
    missing: 'The link is incomplete',
    missingMore: 'Please open the whole link from the message your social worker sent.',
    failed: 'Sending did not work; please try again later. %{detail}',
  },
};

export type Lang = 'zh' | 'en';
const STORAGE_KEY = 'guanai.public.lang';

/** `t('disclosure.heading', { period })`: a dotted key, with %{name} placeholders filled in. */
export type Translate = (key: string, args?: Record<string, string | number>) => string;

function lookup(dict: Dict, key: string): string {
  const value = key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined),
      dict,
    );
  return typeof value === 'string' ? value : key;
}

const LangContext = createContext<{ lang: Lang; t: Translate; toggle: () => void }>({
  lang: 'zh',
  t: (key) => key,
  toggle: () => {},
});

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'));
  const t = useCallback<Translate>(
    (key, args = {}) =>
      lookup(lang === 'en' ? en : zh, key).replace(/%\{(\w+)\}/g, (_, name: string) => String(args[name] ?? '')),
    [lang],
  );
  const value = useMemo(
    () => ({
      lang,
      t,
      toggle: () => {
        const next = lang === 'zh' ? 'en' : 'zh';
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
        setLang(next);
      },
    }),
    [lang, t],
  );
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export const useLang = () => useContext(LangContext);
