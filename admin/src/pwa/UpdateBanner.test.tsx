import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { UpdateBanner } from './UpdateBanner.tsx';
import { updates } from './updates.ts';

describe('a new version of the installed app', () => {
  it('waits, unseen, until one is installed; then a tap on the banner switches to it', async () => {
    render(<UpdateBanner />);
    expect(screen.queryByText('有新版本，点此刷新')).toBeNull();
    const activate = vi.fn(async () => undefined);
    act(() => updates.offer(activate));
    fireEvent.click(await screen.findByText('有新版本，点此刷新'));
    expect(activate).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: '刷新' }));
    expect(activate).toHaveBeenCalledTimes(2);
  });
});
