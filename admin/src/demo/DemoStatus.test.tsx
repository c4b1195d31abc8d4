import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { http, HttpResponse } from 'msw';
import { I18nContextProvider } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../providers/i18nProvider.ts';
import { server } from '../test/server.ts';
import { DemoBanner, DemoMarker } from './DemoStatus.tsx';

function renderWithStatus(status: { state: string; loaded: number; total: number }) {
  server.use(http.get('*/api/demo/status', () => HttpResponse.json(status)));
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <I18nContextProvider value={i18nProvider}>
        <DemoMarker />
        <DemoBanner />
      </I18nContextProvider>
    </QueryClientProvider>,
  );
}

describe('the demo data marker and banner', () => {
  it('while loading: the banner with its progress, in Chinese, and the marker', async () => {
    renderWithStatus({ state: 'loading', loaded: 120, total: 300 });
    expect(await screen.findByText('正在加载演示数据 120/300')).toBeTruthy();
    expect(screen.getByTestId('demo-marker').textContent).toContain('演示数据');
  });

  it('once loaded: only the small marker stays', async () => {
    renderWithStatus({ state: 'done', loaded: 300, total: 300 });
    expect(await screen.findByTestId('demo-marker')).toBeTruthy();
    expect(screen.queryByTestId('demo-banner')).toBeNull();
  });

  it('no demo data: neither', async () => {
    renderWithStatus({ state: 'absent', loaded: 0, total: 0 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('demo-marker')).toBeNull();
    expect(screen.queryByTestId('demo-banner')).toBeNull();
  });
});
