import { useQuery } from '@tanstack/react-query';
import { useGetIdentity } from 'react-admin';
import { useRole } from '../providers/useCan.ts';
import { useParams, useSearchParams } from 'react-router-dom';
import { PaperHeader } from '../print/PaperHeader.tsx';
import { PrintPage, SignatureBoxes } from '../print/PrintPage.tsx';
import { volunteerApi } from './api.ts';
import type { Certificate } from './types.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KINDS: Record<string, string> = { SERVICE: '志愿服务', CORRECTION: '时长更正' };

/** `2026-03-01` as 2026年3月1日. */
const dayText = (day: string | null) =>
  day ? `${day.slice(0, 4)}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日` : '';

const teamOf = (team: Certificate['volunteer']['team']) => (typeof team === 'string' ? team : (team?.name ?? null));

/**
 * 志愿服务时长证明: a volunteer's entries of a period (services and corrections, each with its date and minutes), the
 * total the API computed by the same SQL as the ledger, a serial number, and the boxes for the signature and the seal.
 * A4 portrait; each opening is audited by the API, so it is read once per visit.
 */
export function CertificatePrint() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const range = {
    ...(DAY.test(params.get('from') ?? '') ? { from: params.get('from')! } : {}),
    ...(DAY.test(params.get('to') ?? '') ? { to: params.get('to')! } : {}),
  };
  const query = useQuery({
    queryKey: ['print', 'volunteer-certificate', id, range],
    queryFn: () => volunteerApi.certificate(id, range),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const paper = query.data;
  const role = useRole();
  return (
    <PrintPage
      title={paper ? `志愿服务时长证明-${paper.volunteer.name}-${paper.serial}` : '志愿服务时长证明'}
      back={role === 'VOLUNTEER' ? '/my-hours' : `/volunteers/${encodeURIComponent(id)}/show`}
      state={query}
    >
      {paper && <CertificatePaper paper={paper} />}
    </PrintPage>
  );
}

function CertificatePaper({ paper }: { paper: Certificate }) {
  const { identity } = useGetIdentity();
  const team = teamOf(paper.volunteer.team);
  const period =
    paper.from || paper.to ? `${dayText(paper.from) || '登记之日'}至${dayText(paper.to) || '今'}` : '全部服务期间';
  return (
    <>
      <PaperHeader
        title="志愿服务时长证明"
        unitName={team ?? '志愿服务'}
        particulars={[
          ['证明编号', paper.serial],
          ['服务期间', period],
        ]}
        printedAt={paper.issuedAt}
        printedBy={String(identity?.fullName ?? '')}
      />
      <p className="prose" style={{ fontSize: '12pt', lineHeight: 2, textIndent: '2em', margin: '10pt 0' }}>
        兹证明 <strong>{paper.volunteer.name}</strong>
        {team ? `（${team}）` : ''}于{period}参加成都市社会关爱援助志愿服务，累计服务时长
        <strong data-testid="certificate-hours"> {paper.totalHours} </strong>
        小时。特此证明。
      </p>
      <table>
        <thead>
          <tr>
            <th className="nowrap">序号</th>
            <th className="nowrap">服务日期</th>
            <th className="nowrap">类型</th>
            <th className="num">时长（分钟）</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          {paper.entries.length === 0 && (
            <tr>
              <td colSpan={5}>本期间无服务记录。</td>
            </tr>
          )}
          {paper.entries.map((entry, i) => (
            <tr key={i}>
              <td className="num">{i + 1}</td>
              <td className="nowrap">{entry.serviceDate}</td>
              <td className="nowrap">{KINDS[entry.kind] ?? entry.kind}</td>
              <td className="num">{entry.minutes}</td>
              <td>{entry.reason ?? ''}</td>
            </tr>
          ))}
          <tr className="total">
            <td colSpan={3}>合计</td>
            <td className="num" data-testid="certificate-minutes">
              {paper.totalMinutes}
            </td>
            <td data-testid="certificate-total">{paper.totalHours} 小时</td>
          </tr>
        </tbody>
      </table>
      <p className="footnote">
        服务时长按志愿者签到、签退时间计算（北京时间），更正记录一并列出；本证明由关爱援助系统生成，凭证明编号可向出具单位核验。
      </p>
      <SignatureBoxes boxes={[{ label: '经办人签字' }, { label: '出具单位盖章', seal: true }]} />
    </>
  );
}
