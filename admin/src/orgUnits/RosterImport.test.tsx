import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { server, signInAs, userAs } from '../test/server.ts';

const roster =
  'code,name,level,parent_code\n510104021001,水井坊社区,COMMUNITY,510104021000\n12345,坏代码社区,COMMUNITY,510104021000\n510104021009,无上级社区,COMMUNITY,999999999999\n';

function chooseRoster() {
  window.location.hash = '#/org-units/import';
  render(<App />);
  return screen
    .findByTestId('roster-file')
    .then((input) =>
      fireEvent.change(input, { target: { files: [new File([roster], 'roster.csv', { type: 'text/csv' })] } }),
    );
}

describe('importing an org roster (admin)', () => {
  it('a dry run lists each bad row, and import stays off', async () => {
    let sent: { url: string; type: string | null; body: string } | null = null;
    signInAs(userAs('ADMIN'));
    server.use(
      http.post('*/api/org-units/import', async ({ request }) => {
        sent = { url: request.url, type: request.headers.get('Content-Type'), body: await request.text() };
        return HttpResponse.json(
          {
            type: 'urn:guanai:problem:validation',
            title: 'Invalid request',
            status: 422,
            detail: '2 problem(s) in the roster; nothing was imported',
            errors: [
              { field: 'line 3: code', reason: 'must be a 12-digit division code' },
              { field: 'line 4: parent_code', reason: 'unknown parent 999999999999' },
            ],
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }),
    );
    await chooseRoster();
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
    const report = await screen.findByRole('alert');
    expect(within(report).getByText('2 处错误，未导入任何数据')).toBeTruthy();
    expect(within(report).getByText('第 3 行 · code — must be a 12-digit division code')).toBeTruthy();
    expect(within(report).getByText('第 4 行 · parent_code — unknown parent 999999999999')).toBeTruthy();
    expect(sent).toEqual({
      url: expect.stringMatching(/\/api\/org-units\/import\?dryRun=true$/),
      type: 'text/csv',
      body: roster,
    });
    expect((screen.getByRole('button', { name: '导入' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('a clean dry run says so, and then imports for real', async () => {
    const urls: string[] = [];
    signInAs(userAs('ADMIN'));
    server.use(
      http.post('*/api/org-units/import', ({ request }) => {
        const dryRun = new URL(request.url).searchParams.get('dryRun') === 'true';
        urls.push(request.url);
        return HttpResponse.json({ dryRun, rows: 3, imported: dryRun ? 0 : 3 });
      }),
    );
    await chooseRoster();
    fireEvent.click(screen.getByRole('button', { name: '检查' }));
    expect(await screen.findByText('共 3 行，全部无误，可以导入')).toBeTruthy();
    const run = screen.getByRole('button', { name: '导入' }) as HTMLButtonElement;
    await waitFor(() => expect(run.disabled).toBe(false));
    fireEvent.click(run);
    expect(await screen.findAllByText('已导入 3 个单位')).toBeTruthy();
    expect(urls.map((u) => new URL(u).search)).toEqual(['?dryRun=true', '?dryRun=false']);
  });
});
