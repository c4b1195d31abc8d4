import type { Messages } from '../messages.ts';
import type { pwa as zh } from '../zh/pwa.ts';

/** The installable app: a new version is ready. */
export const pwa: Messages<typeof zh> = {
  guanai: {
    pwa: {
      updateReady: 'A new version is ready — tap to refresh',
      refresh: 'Refresh',
    },
  },
};
