import { Fragment } from 'react';
import { TextField } from '@mui/material';
import { useGetIdentity, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { beijingMonth } from '../exports/ExportMenu.tsx';
import { monthText, yuanText } from './labels.ts';
import { PaperHeader } from './PaperHeader.tsx';
import { useDeliveryLedger, type DeliveryLedger } from './paperwork.ts';
import { PrintPage, SignatureBoxes } from './PrintPage.tsx';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const COLUMNS = 11;

/** 数量: the hours of a service, or the quantity of goods. */
const quantityText = (row: DeliveryLedger['rows'][number]) =>
  row.hours ? `${row.hours} 小时` : row.quantity ? row.quantity : '';

/**
 * 月度救助台账: a unit's deliveries of a month (the cases started in its subtree), oldest first — date,
 * case, person (name and masked identity number; a partner's ledger has none), need, resource and
 * provider, what was given, quantity, amount — then a subtotal per case and the total, summed exactly by
 * the API. Landscape A4, the table's header repeated on each printed page, page numbers in the margin.
 */
export function LedgerPrint() {
  const translate = useTranslate();
  const [params, setParams] = useSearchParams();
  const { identity, isPending: identityPending } = useGetIdentity();
  const asked = params.get('month') ?? '';
  const month = MONTH.test(asked) ? asked : beijingMonth(0);
  const unitId = params.get('unitId') || (identity?.orgUnitId as string | undefined);
  // Without a unitId in the address, my own unit's: asked once I am known, so the ledger is read (and audited) once.
  const query = useDeliveryLedger({ month, ...(unitId ? { unitId } : {}) }, !!unitId || !identityPending);
  const ledger = query.data;
  const setMonth = (next: string) => {
    if (!MONTH.test(next)) return;
    const changed = new URLSearchParams(params);
    changed.set('month', next);
    setParams(changed, { replace: true });
  };
  return (
    <PrintPage
      title={`救助台账-${ledger?.unit.name ?? ''}-${month}`}
      back="/matches"
      landscape
      state={query}
      tools={
        <TextField
          type="month"
          size="small"
          label={translate('guanai.print.month')}
          value={month}
          onChange={(event) => setMonth(event.target.value)}
          sx={{ width: 180 }}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: beijingMonth(0) } }}
        />
      }
    >
      {ledger && <LedgerPaper ledger={ledger} month={month} />}
    </PrintPage>
  );
}

function LedgerPaper({ ledger, month }: { ledger: DeliveryLedger; month: string }) {
  // Rows by case, in the order each case first appears, each group closed by its subtotal.
  const groups = new Map<string, DeliveryLedger['rows']>();
  for (const row of ledger.rows) groups.set(row.caseNo, [...(groups.get(row.caseNo) ?? []), row]);
  const subtotals = new Map(ledger.cases.map((c) => [c.caseNo, c]));
  let serial = 0;
  return (
    <>
      <PaperHeader
        title={`${monthText(month)}救助台账`}
        unitName={ledger.unit.name}
        particulars={[
          ['填报单位', `${ledger.unit.name}（${ledger.unit.code}）`],
          ['所属期', monthText(month)],
        ]}
        printedAt={ledger.printedAt}
        printedBy={ledger.printedBy}
      />
      <div className="scroll">
        <table className="ledger">
          <thead>
            <tr>
              <th className="nowrap">序号</th>
              <th className="nowrap">发放日期</th>
              <th>案件编号</th>
              <th className="nowrap">受助人</th>
              <th>证件号码</th>
              <th>乡镇(街道)·村(社区)</th>
              <th className="nowrap">需求类别</th>
              <th>援助资源 / 提供单位</th>
              <th>发放内容</th>
              <th className="nowrap">数量</th>
              <th className="num">金额（元）</th>
            </tr>
          </thead>
          <tbody>
            {ledger.rows.length === 0 && (
              <tr>
                <td colSpan={COLUMNS}>本月无发放记录。</td>
              </tr>
            )}
            {[...groups].map(([caseNo, rows]) => {
              const subtotal = subtotals.get(caseNo);
              return (
                <Fragment key={caseNo}>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td className="num">{(serial += 1)}</td>
                      <td className="nowrap">{row.deliveredOn}</td>
                      <td className="nowrap">{row.caseNo}</td>
                      <td className="nowrap">{row.personName}</td>
                      <td className="nowrap">{row.personIdMasked ?? ''}</td>
                      <td>{[row.townshipName, row.communityName].filter(Boolean).join(' ')}</td>
                      <td>{row.categoryLabel}</td>
                      <td>
                        {row.resourceName} / {row.providerName}
                      </td>
                      <td>
                        {row.kindLabel}：{row.description}
                      </td>
                      <td className="nowrap">{quantityText(row)}</td>
                      <td className="num">{yuanText(row.amount)}</td>
                    </tr>
                  ))}
                  {subtotal && (
                    <tr className="subtotal">
                      <td colSpan={COLUMNS - 2}>
                        小计：{subtotal.caseNo} {subtotal.personName}（{subtotal.deliveries} 笔）
                      </td>
                      <td className="nowrap">{subtotal.hours !== '0' ? `${subtotal.hours} 小时` : ''}</td>
                      <td className="num" data-testid={`subtotal-${caseNo}`}>
                        {yuanText(subtotal.amount)}
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
            <tr className="total">
              <td colSpan={COLUMNS - 2}>
                合计：{ledger.cases.length} 个案件，{ledger.total.deliveries} 笔
              </td>
              <td className="nowrap">{ledger.total.hours !== '0' ? `${ledger.total.hours} 小时` : ''}</td>
              <td className="num" data-testid="ledger-total">
                {yuanText(ledger.total.amount)}
              </td>
            </tr>
          </tbody>
        </table>
      </div>
      <p className="footnote">
        金额单位：人民币元。受助人证件号码已脱敏；本台账仅用于救助工作，不得对外公开（公开信息见过程信息公开页）。
      </p>
      <SignatureBoxes
        boxes={[
          { label: '制表人签字' },
          { label: '审核人签字' },
          { label: '单位盖章', seal: true },
          { label: '分管领导签字' },
        ]}
      />
    </>
  );
}
