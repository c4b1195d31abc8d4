import { useQuery } from '@tanstack/react-query';
import { useGetIdentity } from 'react-admin';
import { useParams } from 'react-router-dom';
import { api, ok } from '../providers/api.ts';
import { yuanText, zhLabel } from './labels.ts';
import { PaperHeader } from './PaperHeader.tsx';
import { PrintPage, SignatureBoxes } from './PrintPage.tsx';

/** A donation's receipt (GET /api/donations/:id): the beneficiary as a category and a township only. */
const fetchReceipt = (id: string) => ok(api.donations[':id'].$get({ param: { id } }));

export type DonationReceipt = Awaited<ReturnType<typeof fetchReceipt>>;

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const UNITS = ['', '拾', '佰', '仟'];
const GROUPS = ['', '万', '亿', '万亿'];

/**
 * 人民币大写: an amount as a receipt writes it in words, "1234.50" → 壹仟贰佰叁拾肆元伍角整. From the
 * decimal string, digit by digit, so no float rounding can change a fen.
 */
export function rmbInWords(amount: string): string {
  const [whole = '0', cents = '00'] = amount.replace(/^-/, '').split('.');
  const jiao = Number(cents[0] ?? 0);
  const fen = Number(cents[1] ?? 0);
  let words = '';
  const digits = whole.replace(/^0+/, '');
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 4) groups.unshift(digits.slice(Math.max(0, end - 4), end));
  let zero = false;
  groups.forEach((group, g) => {
    let part = '';
    for (let i = 0; i < group.length; i += 1) {
      const d = Number(group[i]);
      const unit = UNITS[group.length - 1 - i]!;
      if (d === 0) zero = part !== '' || words !== '';
      else {
        if (zero) part += '零';
        zero = false;
        part += DIGITS[d] + unit;
      }
    }
    if (part) words += part + GROUPS[groups.length - 1 - g];
  });
  if (!words && !jiao && !fen) return '零元整';
  let text = words ? `${words}元` : '';
  if (jiao) text += `${words && whole.endsWith('0') ? '零' : ''}${DIGITS[jiao]}角`;
  else if (fen && words) text += '零';
  if (fen) text += `${DIGITS[fen]}分`;
  else text += '整';
  return `${amount.startsWith('-') ? '负' : ''}${text}`;
}

/**
 * 捐赠收据: the receipt of one donation to a campaign, A4 — its number, the donor, the amount in figures
 * and in words, the day received, the campaign and its type, and for a directed campaign whom it is
 * for as a need category and a township (never a person's name); then any refunds and reversals of it
 * with their reasons, and what remains. The issuing organisation signs and seals it.
 */
export function DonationReceiptPrint() {
  const { id = '' } = useParams();
  const query = useQuery({
    queryKey: ['print', 'donation', id],
    queryFn: () => fetchReceipt(id),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    retry: false,
  });
  const receipt = query.data;
  return (
    <PrintPage
      title={`捐赠收据-${receipt?.receiptNo ?? receipt?.reversesReceiptNo ?? ''}`}
      back={receipt ? `/resources/${receipt.campaign.id}/show` : '/resources'}
      state={query}
    >
      {receipt && <ReceiptPaper receipt={receipt} />}
    </PrintPage>
  );
}

function ReceiptPaper({ receipt }: { receipt: DonationReceipt }) {
  const { identity } = useGetIdentity();
  const beneficiary = receipt.beneficiary
    ? [zhLabel('guanai.categories', receipt.beneficiary.category), receipt.beneficiary.township]
        .filter(Boolean)
        .join(' · ')
    : '不定向（用于本项目全部受助对象）';
  const correction = receipt.kind !== 'DONATION';
  return (
    <>
      <PaperHeader
        title={correction ? `捐赠${zhLabel('guanai.matching.donations.kinds', receipt.kind)}凭证` : '捐赠收据'}
        unitName={receipt.campaign.provider}
        particulars={[
          ['收据编号', receipt.receiptNo ?? `${receipt.reversesReceiptNo ?? ''}（更正）`],
          ['日期', receipt.receivedOn],
        ]}
        printedAt={new Date().toISOString()}
        printedBy={String(identity?.fullName ?? '')}
      />
      <table className="form">
        <tbody>
          <tr>
            <th>捐赠人</th>
            <td data-testid="receipt-donor">{receipt.donorName}</td>
          </tr>
          <tr>
            <th>金额（小写）</th>
            <td data-testid="receipt-amount">¥{yuanText(receipt.amount)}</td>
          </tr>
          <tr>
            <th>金额（大写）</th>
            <td data-testid="receipt-words">人民币{rmbInWords(receipt.amount)}</td>
          </tr>
          <tr>
            <th>{correction ? '登记日期' : '到账日期'}</th>
            <td>{receipt.receivedOn}</td>
          </tr>
          {receipt.channel && (
            <tr>
              <th>捐赠渠道</th>
              <td>{receipt.channel}</td>
            </tr>
          )}
          <tr>
            <th>募捐项目</th>
            <td>
              {receipt.campaign.name}（{zhLabel('guanai.matching.campaignTypes', receipt.campaign.type)}募捐）
            </td>
          </tr>
          <tr>
            <th>受益对象</th>
            <td data-testid="receipt-beneficiary">{beneficiary}</td>
          </tr>
          {correction && (
            <tr>
              <th>原因</th>
              <td>{receipt.reason}</td>
            </tr>
          )}
          <tr>
            <th>登记人</th>
            <td>{receipt.recordedBy}</td>
          </tr>
        </tbody>
      </table>
      {receipt.corrections.length > 0 && (
        <>
          <h2>退款及冲正记录</h2>
          <table>
            <thead>
              <tr>
                <th className="nowrap">日期</th>
                <th className="nowrap">类型</th>
                <th className="num">金额（元）</th>
                <th>原因</th>
              </tr>
            </thead>
            <tbody>
              {receipt.corrections.map((c) => (
                <tr key={c.id}>
                  <td className="nowrap">{c.receivedOn}</td>
                  <td className="nowrap">{zhLabel('guanai.matching.donations.kinds', c.kind)}</td>
                  <td className="num">{yuanText(c.amount)}</td>
                  <td>{c.reason}</td>
                </tr>
              ))}
              <tr className="total">
                <td colSpan={2}>更正后捐赠余额</td>
                <td className="num" data-testid="receipt-remaining">
                  {yuanText(receipt.remaining)}
                </td>
                <td />
              </tr>
            </tbody>
          </table>
        </>
      )}
      <p className="footnote">
        本收据由{receipt.campaign.provider}
        出具，收据编号按年连续编号、不重复、不作废。退款与冲正以新的台账记录登记，原记录不作修改，
        并在登记当月的过程信息公开中公示。定向募捐的受益对象仅以需求类别和乡镇（街道）表示，不公开个人信息。
      </p>
      <SignatureBoxes boxes={[{ label: '经办人签字' }, { label: '出具单位盖章', seal: true }]} />
    </>
  );
}
