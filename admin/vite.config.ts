import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './build/precompress.ts';
import { pwa } from './build/pwa.ts';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  plugins: [react(), precompress(), ...pwa()],
  base: '/',
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
  build: {
    chunkSizeWarningLimit: 2000,
    // The admin, and the public pages that need no sign-in (public disclosure, the recipient's survey, the online
    // application and its status, the volunteers' sign-up).
    rollupOptions: {
      input: {
        main: page('index.html'),
        public: page('public.html'),
        survey: page('survey.html'),
        apply: page('apply.html'),
        volunteer: page('volunteer.html'),
      },
    },
  },
});
