import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { forgetIdentity } from '../providers/authProvider.ts';
import { server } from './server.ts';

// MUI's useMediaQuery needs matchMedia, which jsdom lacks: a wide screen unless a test says otherwise.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  localStorage.clear();
  forgetIdentity();
  window.location.hash = '';
});
afterAll(() => server.close());
