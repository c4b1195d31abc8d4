import { useParams } from 'react-router-dom';
import { useDepartments } from '../evaluation/meetings/useDepartments.ts';
import { beijingDay, beijingTime, yuanText, zhLabel } from './labels.ts';
import { PaperHeader } from './PaperHeader.tsx';
import { useCasePaperwork, type CasePaperwork } from './paperwork.ts';
import { PrintPage, SignatureBoxes } from './PrintPage.tsx';

/** Paper words with no screen label of their own. */
const REFERRAL_OUTCOMES: Record<string, string> = { PENDING: '待审核', GRANTED: '已批准', DENIED: '未批准' };
const ESCALATION_OUTCOMES: Record<string, string> = {
  PENDING: '待上级审核',
  ACCEPTED: '上级已接收',
  RETURNED: '上级退回',
};
const EMPTY = '—';

/** 来源: the door the case came through, with who referred the person (§四(一)). */
function OriginText({ paper }: { paper: CasePaperwork }) {
  const { nameOf } = useDepartments();
  const origin = zhLabel('guanai.origins', paper.origin);
  const referral = paper.referral;
  if (!referral) return <>{origin}</>;
  return (
    <>
      {origin}（
      {referral.source === 'DEPARTMENT'
        ? nameOf(referral.departmentCode)
        : `${zhLabel('guanai.referralSources', referral.source)} 工单号 ${referral.ticketNo}`}
      ）
    </>
  );
}

/** A referral's record beyond scheme and outcome (department, date, reference number), when kept. */
const referralText = (referral: Record<string, unknown>, key: string) =>
  typeof referral[key] === 'string' ? (referral[key] as string) : EMPTY;

/**
 * 案件摘要 / 社会救助申请审批表: the case on one A4 form, as a civil-affairs office files it — the person
 * (identity number and phone masked: paper never carries the full number), household, origin and
 * situation, screening and referrals, the assessed needs, the plan, escalations, deliveries with their
 * total, closure — ending with the boxes for the worker's and reviewer's signatures and the unit's seal.
 */
export function CasePrint() {
  const { id = '' } = useParams();
  const query = useCasePaperwork(id);
  const paper = query.data;
  return (
    <PrintPage
      title={paper ? `案件摘要-${paper.caseNo}` : '案件摘要'}
      back={`/cases/${encodeURIComponent(id)}/show`}
      state={query}
    >
      {paper && <CaseSummary paper={paper} />}
    </PrintPage>
  );
}

function CaseSummary({ paper }: { paper: CasePaperwork }) {
  const { person, household } = paper;
  const place = [paper.townshipName, paper.communityName].filter(Boolean).join(' ');
  return (
    <>
      <PaperHeader
        title="社会救助申请审批表（案件摘要）"
        unitName={paper.owningUnit.name}
        particulars={[
          ['承办单位', paper.owningUnit.name],
          ['案件编号', paper.caseNo],
        ]}
        printedAt={paper.printedAt}
        printedBy={paper.printedBy}
      />

      <h2>一、申请人基本情况</h2>
      <table className="form">
        <tbody>
          <tr>
            <th>姓名</th>
            <td>{person.name}</td>
            <th>性别</th>
            <td>{zhLabel('guanai.sex', person.sex) || EMPTY}</td>
            <th>出生日期</th>
            <td className="nowrap">{person.birthDate ?? EMPTY}</td>
          </tr>
          <tr>
            <th>证件类型</th>
            <td>{zhLabel('guanai.idTypes', person.idType) || EMPTY}</td>
            <th>证件号码</th>
            <td colSpan={3} className="nowrap" data-testid="person-id">
              {person.idNumberMasked ?? EMPTY}
            </td>
          </tr>
          <tr>
            <th>联系电话</th>
            <td className="nowrap">{person.phoneMasked ?? EMPTY}</td>
            <th>户籍</th>
            <td>{zhLabel('guanai.hukou', person.hukou)}</td>
            <th>所在社区</th>
            <td>{place}</td>
          </tr>
          <tr>
            <th>居住地址</th>
            <td colSpan={5}>{person.address ?? household?.address ?? EMPTY}</td>
          </tr>
          <tr>
            <th>困难类型</th>
            <td colSpan={5}>{person.tags.map((tag) => zhLabel('guanai.tags', tag)).join('、') || EMPTY}</td>
          </tr>
        </tbody>
      </table>

      <h2>二、家庭成员</h2>
      {household && household.members.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>姓名</th>
              <th>与申请人关系</th>
              <th>性别</th>
              <th>出生日期</th>
              <th>证件号码</th>
            </tr>
          </thead>
          <tbody>
            {household.members.map((member, index) => (
              <tr key={index}>
                <td>{member.name}</td>
                <td>{zhLabel('guanai.relations', member.relation) || EMPTY}</td>
                <td>{zhLabel('guanai.sex', member.sex) || EMPTY}</td>
                <td className="nowrap">{member.birthDate ?? EMPTY}</td>
                <td className="nowrap">{member.idNumberMasked ?? EMPTY}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="prose">无登记的共同生活家庭成员。</p>
      )}
      {household?.monthlyIncome != null && <p className="prose">家庭月收入：{yuanText(household.monthlyIncome)} 元</p>}

      <h2>三、来源与困难情况</h2>
      <table className="form">
        <tbody>
          <tr>
            <th>来源</th>
            <td>
              <OriginText paper={paper} />
            </td>
            <th>立案时间</th>
            <td className="nowrap">{beijingTime(paper.createdAt)}</td>
            <th>急难</th>
            <td>{paper.emergency ? '是（急难救助）' : '否'}</td>
          </tr>
          <tr>
            <th>困难情况</th>
            <td colSpan={5} className="prose">
              {paper.situation}
            </td>
          </tr>
        </tbody>
      </table>

      <h2>四、筛查与转介</h2>
      <p className="prose">
        筛查结论：{paper.screening.outcome ? zhLabel('guanai.outcomes', paper.screening.outcome) : '尚未筛查'}
      </p>
      {paper.screening.referrals.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>转介救助项目</th>
              <th>承办部门</th>
              <th>转介日期</th>
              <th>文号</th>
              <th>办理结果</th>
            </tr>
          </thead>
          <tbody>
            {paper.screening.referrals.map((referral, index) => (
              <tr key={index}>
                <td>{zhLabel('guanai.schemes', referral.scheme)}</td>
                <td>{referralText(referral, 'department')}</td>
                <td className="nowrap">{referralText(referral, 'referredOn')}</td>
                <td>{referralText(referral, 'referenceNo')}</td>
                <td>{REFERRAL_OUTCOMES[referral.outcome] ?? referral.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>五、需求评估</h2>
      {paper.assessment ? (
        <>
          <table>
            <thead>
              <tr>
                <th style={{ width: '18%' }}>需求类别</th>
                <th style={{ width: '10%' }}>程度</th>
                <th>具体情况</th>
              </tr>
            </thead>
            <tbody>
              {paper.assessment.needs.map((need, index) => (
                <tr key={index}>
                  <td>{zhLabel('guanai.categories', need.category)}</td>
                  <td>{zhLabel('guanai.severities', need.severity)}</td>
                  <td>{need.description ?? EMPTY}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="prose">
            评估时间：{beijingDay(paper.assessment.at)}　评估人：{paper.assessment.by ?? EMPTY}
          </p>
        </>
      ) : (
        <p className="prose">尚未评估。</p>
      )}

      <h2>六、援助方案</h2>
      {paper.plan ? (
        <>
          <p className="prose">{paper.plan.summary}</p>
          <p className="prose">
            {paper.plan.approvedAt
              ? `已审批：${beijingDay(paper.plan.approvedAt)}（${paper.plan.approvedBy ?? EMPTY}）`
              : '待审批'}
            {'　'}制定：{beijingDay(paper.plan.submittedAt)}（{paper.plan.submittedBy ?? EMPTY}）
            {paper.plan.items ? `；方案事项 ${paper.plan.items.length} 项，详见《个性化关爱援助方案》` : ''}
          </p>
        </>
      ) : (
        <p className="prose">尚未制定方案。</p>
      )}

      <h2>七、上报记录</h2>
      {paper.escalations.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>上报时间</th>
              <th>上报单位</th>
              <th>接收单位</th>
              <th>上报原因</th>
              <th>结果</th>
            </tr>
          </thead>
          <tbody>
            {paper.escalations.map((escalation, index) => (
              <tr key={index}>
                <td className="nowrap">{beijingDay(escalation.at)}</td>
                <td>{escalation.fromUnitName}</td>
                <td>{escalation.toUnitName}</td>
                <td>{escalation.reason}</td>
                <td>
                  {ESCALATION_OUTCOMES[escalation.outcome]}
                  {escalation.guidance ? `：${escalation.guidance}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="prose">无。</p>
      )}

      <h2>八、援助落实</h2>
      {paper.deliveries.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th>发放日期</th>
              <th>援助资源</th>
              <th>提供单位</th>
              <th>方式</th>
              <th>发放内容</th>
              <th className="num">金额（元）</th>
            </tr>
          </thead>
          <tbody>
            {paper.deliveries.map((delivery, index) => (
              <tr key={index}>
                <td className="nowrap">{delivery.deliveredOn}</td>
                <td>{delivery.resourceName}</td>
                <td>{delivery.providerName}</td>
                <td>{zhLabel('guanai.matching.deliveryKinds', delivery.kind)}</td>
                <td>
                  {delivery.description}
                  {delivery.hours ? `（${delivery.hours} 小时）` : ''}
                </td>
                <td className="num">{yuanText(delivery.amount)}</td>
              </tr>
            ))}
            <tr className="total">
              <td colSpan={5}>合计</td>
              <td className="num" data-testid="delivery-total">
                {yuanText(paper.deliveryTotal)}
              </td>
            </tr>
          </tbody>
        </table>
      ) : (
        <p className="prose">尚无发放记录。</p>
      )}

      <h2>九、办理状态与结案</h2>
      <p className="prose">
        {paper.closure
          ? `已结案：${zhLabel('guanai.closure', paper.closure.reason) || EMPTY}${paper.closure.at ? `（${beijingDay(paper.closure.at)}）` : ''}`
          : `办理中：${zhLabel('guanai.states', paper.state)}`}
      </p>

      <SignatureBoxes
        boxes={[
          { label: '经办人意见及签字' },
          { label: '审核人意见及签字' },
          { label: '单位盖章', seal: true },
          { label: '申请人（或代理人）签字确认' },
        ]}
      />
      <p className="footnote">
        本表由关爱援助系统生成。证件号码、联系电话已按个人信息保护要求脱敏，完整信息以系统记录为准。
      </p>
    </>
  );
}
