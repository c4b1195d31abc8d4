import type { OpenAPIHono } from '@hono/zod-openapi';
import { ROUTE_POLICY, type Access } from '../auth/policy.ts';
import type { AppEnv } from '../env.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const WRITES = new Set(['put', 'post', 'delete', 'patch']);

/** The resources, as the reference page groups the operations. */
const TAGS: Record<string, string> = {
  auth: '登录与会话 Signing in and the session',
  cases: '案件：立案、动作、记录、附件、对接、回访 Cases: opening, actions, notes, files, matching, surveys',
  tasks: '任务队列 Task queues: claim, release, complete',
  attachments: '附件 Case and delivery files',
  notifications: '通知 Notifications',
  sla: '时限与工作日历 SLA policies, the working calendar and the overview',
  'org-units': '组织架构 The network of centers and stations',
  users: '工作人员 Staff accounts',
  people: '困难群众基本信息库 The registry of people in hardship',
  households: '家庭 Households',
  resources: '援助项目库 The catalogue of aid resources, donations and evaluations',
  donations: '捐赠 A campaign’s donations ledger: receipts, refunds and reversals (§四(三) 募捐)',
  partners: '合作单位 Partner organisations',
  matches: '供需对接与交付 Matches and deliveries',
  projects: '援助项目发布平台 Published projects and partners’ responses',
  public: '公开信息（无需登录）Public pages: projects, offers, disclosures, surveys, online applications',
  disclosures: '过程信息公开 Publishing a month’s disclosure',
  kpis: '绩效评价 Centers’ KPIs',
  'supervision-scores': '督导评分 Supervision scores',
  meetings: '联席会议 Joint meetings',
  departments: '成员单位 Member departments of the joint meeting',
  demo: '演示数据 The demo data and its loader’s progress',
  home: '首页与地图 Each role’s home page and the managers’ map of the districts',
  'saved-views': '已保存的视图 My saved inbox views (filters and sort)',
  absences: '休假代理 Absences and who covers them',
  notify: '通知渠道与偏好 Channels notifications leave by, who is told what and when, and every delivery attempt',
  colleagues: '同事 Active colleagues a task can be handed to',
  volunteers:
    '志愿者 Volunteers, their assignments to visits and deliveries, check-in and check-out, and the ledger and certificate of their hours (§四(三) 志愿服务)',
  applications: '网上申请 Online self-applications, as the stations verify them (§四(一) 个人申请)',
  eligibility:
    '救助标准与资格建议 Schemes’ eligibility standards per district and date, and a case’s suggestions and referrals (§二 无缝衔接)',
  forms: '表单定义 Versioned screening, assessment, plan, follow-up and closure forms, city-wide and per district',
};

/** Every write may carry one (request/write-requests.ts). */
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header' as const,
  required: false,
  schema: { type: 'string' as const, pattern: '^[!-~]{1,200}$' },
  description:
    '一次操作一个键：重发同一请求得到第一次的答复；同一键用于别的请求得 422，仍在处理中得 409。One key per action: the same request again gets the first answer; another request under the key is a 422, one still in progress a 409.',
};

/** Who may call a route, from the one access policy (auth/policy.ts), in the operation's words. */
function accessText(access: Access | undefined): string {
  if (access === undefined) return '**可调用 Who may call**: nobody (the route has no policy entry)';
  if (access === 'PUBLIC') return '**可调用 Who may call**: 公开，无需登录 anyone, without signing in';
  if (access === 'SIGNED_IN') return '**可调用 Who may call**: 任何已登录用户 any signed-in user';
  return `**可调用 Who may call**: ${access.join(', ')}`;
}

/** The API's OpenAPI 3.1 document, from the routes' own declarations (paths relative to `/api`). */
export function openApiDocument(api: OpenAPIHono<AppEnv>) {
  api.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'guanai_session',
    description: '登录后的会话 The session cookie that POST /auth/login sets',
  });
  const document = api.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: '关爱援助 Guanai API',
      version: '1',
      description: [
        '成都市社会关爱援助体系的案件管理接口（成办发〔2016〕16号）。',
        'The case-management API of Chengdu’s social care-assistance network.',
        '',
        '- 写请求须带 `Idempotency-Key`：同一请求重发得到第一次的答复；同一键用于别的请求得 422。',
        '  Every write takes an `Idempotency-Key`: the same request again gets the first answer; another request under a used key gets 422.',
        '- 列表按 react-admin 的 simple REST 约定：`filter`、`sort`、`range` 为 JSON，总数在 `Content-Range`。',
        '  Lists follow react-admin’s simple REST: `filter`, `sort` and `range` are JSON; the total is in `Content-Range`.',
        '- 错误为 `application/problem+json`，`errors` 列出每个出错字段。Errors are problem+json naming each field.',
        '- 身份证号加密存储、响应中打码；查看全号须说明理由并记入审计。Identity numbers are encrypted, masked, and every full view is audited.',
      ].join('\n'),
    },
    servers: [{ url: '/api' }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    security: [{ session: [] }],
  });
  // Who may call each operation, from the access policy the API enforces before any handler runs.
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const access = ROUTE_POLICY[`${method.toUpperCase()} /api${path.replace(/\{([^}]+)\}/g, ':$1')}`];
      operation.description = [operation.description, accessText(access)].filter(Boolean).join('\n\n');
      if (access === 'PUBLIC') operation.security = [];
      if (WRITES.has(method)) operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_KEY];
    }
  }
  return document;
}
