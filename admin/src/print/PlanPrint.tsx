import { useParams } from 'react-router-dom';
import { beijingDay, zhLabel } from './labels.ts';
import { PaperHeader } from './PaperHeader.tsx';
import { useCasePaperwork, type CasePaperwork } from './paperwork.ts';
import { PrintPage, SignatureBoxes } from './PrintPage.tsx';

/**
 * An item of a structured plan as the case keeps it (context.plan.items): read defensively, since a
 * plan recorded before items existed has none and an item's decision and outcome come later.
 */
interface PlanItem {
  id?: string;
  needCategory?: string;
  goal?: string;
  action?: string;
  responsible?: { kind?: string; name?: string };
  targetDate?: string;
  decision?: { approved?: boolean; reason?: string };
  outcome?: string | { outcome?: string; note?: string };
}

const RESPONSIBLE_KINDS: Record<string, string> = { UNIT: '单位', PARTNER: '合作机构' };
const OUTCOMES: Record<string, string> = { ACHIEVED: '已达成', PARTLY: '部分达成', NOT_ACHIEVED: '未达成' };
const EMPTY = '—';

const decisionText = (item: PlanItem) =>
  !item.decision
    ? '待审批'
    : item.decision.approved
      ? '同意'
      : `退回${item.decision.reason ? `：${item.decision.reason}` : ''}`;

function outcomeText(item: PlanItem) {
  const { outcome } = item;
  if (!outcome) return EMPTY;
  if (typeof outcome === 'string') return OUTCOMES[outcome] ?? outcome;
  const label = outcome.outcome ? (OUTCOMES[outcome.outcome] ?? outcome.outcome) : EMPTY;
  return outcome.note ? `${label}：${outcome.note}` : label;
}

/**
 * 个性化关爱援助方案 (§四(二)): the plan as the supervisor signs it — item by item (need, goal, resource or
 * action, who is responsible, by when, the decision and, after the follow-up visit, the outcome) when
 * the plan is structured, else its summary — with its approval and the boxes for signatures and seal.
 */
export function PlanPrint() {
  const { id = '' } = useParams();
  const query = useCasePaperwork(id);
  const paper = query.data;
  return (
    <PrintPage
      title={paper ? `援助方案-${paper.caseNo}` : '援助方案'}
      back={`/cases/${encodeURIComponent(id)}/show`}
      state={query}
    >
      {paper && <PlanPaper paper={paper} />}
    </PrintPage>
  );
}

function PlanPaper({ paper }: { paper: CasePaperwork }) {
  const { plan, person } = paper;
  const items = (plan?.items ?? []) as PlanItem[];
  return (
    <>
      <PaperHeader
        title="个性化关爱援助方案"
        unitName={paper.owningUnit.name}
        particulars={[
          ['承办单位', paper.owningUnit.name],
          ['案件编号', paper.caseNo],
        ]}
        printedAt={paper.printedAt}
        printedBy={paper.printedBy}
      />
      <table className="form">
        <tbody>
          <tr>
            <th>受助人</th>
            <td>{person.name}</td>
            <th>证件号码</th>
            <td className="nowrap" data-testid="person-id">
              {person.idNumberMasked ?? EMPTY}
            </td>
            <th>所在社区</th>
            <td>{[paper.townshipName, paper.communityName].filter(Boolean).join(' ')}</td>
          </tr>
          <tr>
            <th>评估需求</th>
            <td colSpan={5}>
              {paper.assessment?.needs
                .map(
                  (need) =>
                    `${zhLabel('guanai.categories', need.category)}（${zhLabel('guanai.severities', need.severity)}）${need.description ? `：${need.description}` : ''}`,
                )
                .join('；') || EMPTY}
            </td>
          </tr>
        </tbody>
      </table>

      {!plan ? (
        <p className="prose">本案尚未制定援助方案。</p>
      ) : (
        <>
          <h2>方案内容</h2>
          {items.length > 0 ? (
            <table>
              <thead>
                <tr>
                  <th className="nowrap">序号</th>
                  <th>需求类别</th>
                  <th>目标</th>
                  <th>资源或措施</th>
                  <th>责任方</th>
                  <th className="nowrap">完成时限</th>
                  <th className="nowrap">审批</th>
                  <th className="nowrap">成效</th>
                </tr>
              </thead>
              <tbody>
                {items.map((item, index) => (
                  <tr key={item.id ?? index}>
                    <td className="num">{index + 1}</td>
                    <td>{zhLabel('guanai.categories', item.needCategory)}</td>
                    <td>{item.goal ?? EMPTY}</td>
                    <td>{item.action ?? EMPTY}</td>
                    <td>
                      {item.responsible?.name ?? EMPTY}
                      {item.responsible?.kind
                        ? `（${RESPONSIBLE_KINDS[item.responsible.kind] ?? item.responsible.kind}）`
                        : ''}
                    </td>
                    <td className="nowrap">{item.targetDate ?? EMPTY}</td>
                    <td className="nowrap">{decisionText(item)}</td>
                    <td>{outcomeText(item)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {(items.length === 0 || plan.summary) && (
            <>
              {items.length > 0 && <h2>方案说明</h2>}
              <p className="prose">{plan.summary}</p>
            </>
          )}
          <h2>审批情况</h2>
          <table className="form">
            <tbody>
              <tr>
                <th>制定</th>
                <td>
                  {plan.submittedBy ?? EMPTY}　{beijingDay(plan.submittedAt)}
                </td>
                <th>审批</th>
                <td>
                  {plan.approvedAt ? `已批准　${plan.approvedBy ?? EMPTY}　${beijingDay(plan.approvedAt)}` : '待审批'}
                </td>
              </tr>
              {plan.returns.map((returned, index) => (
                <tr key={index}>
                  <th>退回</th>
                  <td colSpan={3}>
                    {beijingDay(returned.at)}　{returned.by ?? EMPTY}：{returned.reason}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <SignatureBoxes
        boxes={[
          { label: '方案制定人签字' },
          { label: '审批人签字' },
          { label: '单位盖章', seal: true },
          { label: '受助人（或监护人）签字确认' },
        ]}
      />
    </>
  );
}
