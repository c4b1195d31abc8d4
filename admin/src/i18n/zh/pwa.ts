/** The installable app: a new version is ready (admin/src/pwa/). en/pwa.ts is typed against this file. */
export const pwa = {
  guanai: {
    pwa: {
      updateReady: '有新版本，点此刷新',
      refresh: '刷新',
    },
  },
};
