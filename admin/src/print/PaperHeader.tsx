import { beijingTime } from './labels.ts';

/**
 * The heading of a printed form: who issues it (成都市社会关爱援助 and the unit), its title, and the line of
 * particulars (unit, case number or month, when and by whom it was printed).
 */
export function PaperHeader({
  title,
  unitName,
  particulars,
  printedAt,
  printedBy,
}: {
  title: string;
  unitName: string;
  particulars: [string, string][];
  printedAt: string;
  printedBy: string;
}) {
  return (
    <header>
      <p className="issuer">成都市社会关爱援助 · {unitName}</p>
      <h1>{title}</h1>
      <div className="meta">
        {particulars.map(([label, value]) => (
          <span key={label}>
            {label}：{value}
          </span>
        ))}
        <span>
          打印时间：{beijingTime(printedAt)}（{printedBy}）
        </span>
      </div>
    </header>
  );
}
