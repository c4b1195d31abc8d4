import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { orgUnits, server, signInAs, userAs } from '../test/server.ts';

describe('org units (admin)', () => {
  it('lists units with translated levels and parents, filters by level, and renames a unit sending only its name', async () => {
    const filters: unknown[] = [];
    let put: unknown = null;
    signInAs(userAs('ADMIN'));
    server.use(
      http.get('*/api/org-units', ({ request }) => {
        filters.push(JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}'));
        return HttpResponse.json(orgUnits, { headers: { 'Content-Range': `org-units 0-2/3` } });
      }),
      http.put('*/api/org-units/:id', async ({ request }) => {
        put = await request.json();
        return HttpResponse.json({ ...orgUnits[2], name: '水井坊社区居委会' });
      }),
    );
    window.location.hash = '#/org-units';
    render(<App />);
    expect(await screen.findByText('村(社区)')).toBeTruthy();
    expect(screen.getByText('乡镇(街道)')).toBeTruthy();
    expect(screen.getByRole('link', { name: '导入名册' })).toBeTruthy();

    fireEvent.mouseDown(screen.getByLabelText('层级'));
    fireEvent.click(await screen.findByRole('option', { name: '村(社区)' }));
    await waitFor(() => expect(filters).toContainEqual({ level: 'COMMUNITY' }));

    fireEvent.click(screen.getByText('水井坊社区'));
    const name = await screen.findByLabelText('名称 *');
    fireEvent.change(name, { target: { value: '水井坊社区居委会' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(put).toEqual({ name: '水井坊社区居委会' }));
  });
});
