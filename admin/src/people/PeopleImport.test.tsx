import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { server } from '../test/server.ts';
import { templateCsv } from './PeopleImport.tsx';

const started = {
  id: 'imp-1',
  filename: '低保名册.csv',
  dryRun: true,
  status: 'RUNNING',
  total: 0,
  processed: 0,
  imported: 0,
  skipped: 0,
  problems: [],
  createdAt: '2026-03-01T00:00:00Z',
  finishedAt: null,
};
const problems = [
  { line: 3, field: 'id_number', reason: 'is not a valid 18-character identity number' },
  { line: 5, field: 'community_code', reason: 'unknown community 510104021999' },
];

describe('importing a people roster', () => {
  it('posts the file, polls the import with a progress bar, then shows the counts and each problem', async () => {
    let upload: { url: string; type: string | null; filename: string | null; body: string } | null = null;
    let polls = 0;
    server.use(
      http.post('*/api/people/imports', async ({ request }) => {
        upload = {
          url: request.url,
          type: request.headers.get('Content-Type'),
          filename: request.headers.get('X-Filename'),
          body: await request.text(),
        };
        return HttpResponse.json(started, { status: 202 });
      }),
      http.get('*/api/people/imports/:id', ({ params }) => {
        polls += 1;
        expect(params.id).toBe('imp-1');
        if (polls === 1) return HttpResponse.json({ ...started, total: 4, processed: 2 });
        return HttpResponse.json({
          ...started,
          status: 'DONE',
          total: 4,
          processed: 4,
          imported: 2,
          skipped: 2,
          problems,
          finishedAt: '2026-03-01T00:00:05Z',
        });
      }),
    );
    window.location.hash = '#/people/import';
    render(<App />);
    const csv = '姓名,证件号码,户籍,社区代码\n李秀英,510104195001010021,成都,510104021001\n';
    fireEvent.change(await screen.findByTestId('people-roster-file'), {
      target: { files: [new File([csv], '低保名册.csv', { type: 'text/csv' })] },
    });
    fireEvent.click(screen.getByRole('button', { name: '检查' }));

    expect(await screen.findByText('已处理 2 / 4 行', {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
    expect(upload).toEqual({
      url: expect.stringMatching(/\/api\/people\/imports\?dryRun=true$/),
      type: 'text/csv',
      filename: encodeURIComponent('低保名册.csv'),
      body: csv,
    });

    const table = await screen.findByRole('table', { name: '问题' }, { timeout: 5000 });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) =>
        within(row)
          .queryAllByRole('cell')
          .map((c) => c.textContent),
      );
    expect(rows.slice(1)).toEqual([
      ['3', 'id_number', 'is not a valid 18-character identity number'],
      ['5', 'community_code', 'unknown community 510104021999'],
    ]);
    expect(screen.getByText('这是检查结果，尚未导入任何数据。')).toBeTruthy();
    expect(screen.getByText('可导入').nextSibling?.textContent).toBe('2');
    expect(screen.getByText('跳过').nextSibling?.textContent).toBe('2');
    expect(screen.queryByRole('progressbar')).toBeNull();
    const pollsWhenDone = polls;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(polls).toBe(pollsWhenDone); // done: no more polling
  });

  it('sends an Excel roster with its own content type, for a real run', async () => {
    let upload: { url: string; type: string | null } | null = null;
    server.use(
      http.post('*/api/people/imports', ({ request }) => {
        upload = { url: request.url, type: request.headers.get('Content-Type') };
        return HttpResponse.json(
          { ...started, dryRun: false, status: 'DONE', total: 1, processed: 1, imported: 1 },
          { status: 202 },
        );
      }),
    );
    window.location.hash = '#/people/import';
    render(<App />);
    fireEvent.change(await screen.findByTestId('people-roster-file'), {
      target: { files: [new File(['PK'], 'roster.xlsx')] },
    });
    fireEvent.click(screen.getByRole('button', { name: '导入' }));
    expect(await screen.findByText('没有发现问题')).toBeTruthy();
    expect(screen.getByText('已导入').nextSibling?.textContent).toBe('1');
    expect(upload).toEqual({
      url: expect.stringMatching(/dryRun=false$/),
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  });

  it('lists the expected columns and offers a template with their Chinese names', async () => {
    window.location.hash = '#/people/import';
    render(<App />);
    expect(await screen.findByText('与户主关系 | relation')).toBeTruthy();
    expect(templateCsv()).toBe(
      '\uFEFF姓名,证件类型,证件号码,性别,出生日期,电话,住址,户籍,社区代码,户编号,与户主关系,标签\r\n',
    );
    await waitFor(() => expect(screen.getByRole('button', { name: '下载模板' })).toBeTruthy());
  });
});
