import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { person, server } from '../test/server.ts';

afterEach(() => vi.restoreAllMocks());

describe('the people registry list', () => {
  it('shows masked numbers, translated tags and open cases; export downloads the filtered CSV with the session cookie', async () => {
    const exported: { filter: unknown; credentials: string | null }[] = [];
    server.use(
      http.get('*/api/people/export', ({ request }) => {
        exported.push({
          filter: JSON.parse(new URL(request.url).searchParams.get('filter') ?? 'null'),
          credentials: request.credentials,
        });
        return new HttpResponse('\uFEFF姓名\n李秀英\n', {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': "attachment; filename*=UTF-8''%E5%9B%B0%E9%9A%BE%E7%BE%A4%E4%BC%97.csv",
          },
        });
      }),
    );
    const saved: string[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:people');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    window.location.hash = `#/people?filter=${encodeURIComponent(JSON.stringify({ tag: 'DIBAO' }))}`;
    render(<App />);
    expect(await screen.findByText('5101**********0021')).toBeTruthy();
    expect(screen.getByText('独居老人')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '导出' }));
    await waitFor(() => expect(saved).toEqual(['困难群众.csv']));
    expect(exported).toEqual([{ filter: { tag: 'DIBAO' }, credentials: 'include' }]);
  });

  it('on a phone, each person is one readable row', async () => {
    vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({
      matches: query.includes('max-width'),
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }));
    window.location.hash = '#/people';
    render(<App />);
    expect(await screen.findByText(`李秀英 · 女 · ${person.idNumberMasked}`)).toBeTruthy();
    expect(screen.getByText('水井坊社区 · 13800000000 · 独居老人、低保')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
