/**
 * Fonts a Chinese office computer already has (Linux: Noto CJK / Source Han; macOS: Songti / PingFang;
 * Windows: SimSun / Microsoft YaHei): paper is set in 宋体 as civil-affairs forms are, and nothing is
 * downloaded (the project fetches nothing from the internet, so no web font).
 */
export const PAPER_FONTS =
  '"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", serif';

/**
 * The print pages' style sheet, mounted only while a print page is (so the rest of the admin is
 * untouched): A4 with 15 mm margins and page numbers in the margin (Chromium's page-margin boxes),
 * black on white, the toolbar hidden on paper, a table's header repeated on each page, rows kept whole.
 * On screen the paper is shown as an A4 sheet (or the full width of a phone).
 */
export const printStyles = (landscape: boolean) => `
@page {
  size: A4${landscape ? ' landscape' : ''};
  margin: 15mm;
  @bottom-center { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-family: ${PAPER_FONTS}; font-size: 9pt; }
}
html, body { background: #e8e8e8; }
.print-root { font-family: ${PAPER_FONTS}; color: #000; }
.print-toolbar {
  position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 8px; align-items: center;
  padding: 8px 12px; background: #fff; border-bottom: 1px solid #ccc;
  font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
}
.paper {
  box-sizing: border-box; width: ${landscape ? '297mm' : '210mm'}; max-width: 100%; min-height: ${landscape ? '210mm' : '297mm'};
  margin: 16px auto; padding: 15mm; background: #fff; color: #000; font-size: 10.5pt; line-height: 1.5;
  box-shadow: 0 1px 4px rgba(0,0,0,.3);
}
@media (max-width: 600px) {
  .paper { padding: 4mm; margin: 0; }
  .paper .signatures { grid-template-columns: 1fr; }
}
.paper h1 { font-size: 18pt; text-align: center; margin: 0 0 4pt; letter-spacing: 2pt; }
.paper .issuer { text-align: center; font-size: 11pt; margin: 0 0 2pt; }
.paper .meta { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 4pt 16pt; font-size: 9.5pt; margin: 6pt 0; }
.paper h2 { font-size: 11.5pt; margin: 10pt 0 4pt; }
.paper table { width: 100%; border-collapse: collapse; margin: 0 0 6pt; }
.paper th, .paper td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: top; text-align: left; word-break: break-word; }
.paper th { font-weight: bold; background: #fff; }
.paper .form th { width: 14%; white-space: nowrap; }
.paper .num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.paper .nowrap { white-space: nowrap; }
.paper .subtotal td { font-weight: bold; }
.paper .total td { font-weight: bold; border-top: 1.5pt double #000; }
.paper thead { display: table-header-group; }
.paper tr { break-inside: avoid; page-break-inside: avoid; }
.paper .prose { white-space: pre-wrap; margin: 0 0 6pt; }
.paper .muted { color: #000; font-style: italic; }
.paper .signatures {
  display: grid; grid-template-columns: repeat(2, 1fr); margin-top: 12pt; break-inside: avoid;
  border-top: 0.75pt solid #000; border-left: 0.75pt solid #000;
}
.paper .signatures > div {
  border-right: 0.75pt solid #000; border-bottom: 0.75pt solid #000; min-height: 26mm; padding: 4pt 6pt 20pt;
  position: relative;
}
.paper .scroll { overflow-x: auto; }
.paper .ledger { min-width: 880px; }
.paper .signatures .date { position: absolute; right: 6pt; bottom: 4pt; }
.paper .seal { min-height: 32mm; }
.paper .footnote { font-size: 8.5pt; margin-top: 8pt; }
@media print {
  html, body { background: #fff !important; }
  .print-toolbar { display: none !important; }
  .paper { width: auto; max-width: none; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .paper .scroll { overflow: visible; }
  .paper .ledger { min-width: 0; }
  * { color: #000 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
