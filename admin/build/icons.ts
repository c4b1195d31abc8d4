// Draws the installable app's icons (admin/public/icons/*.png) once; the PNGs are committed, so a build
// needs neither this script nor a browser. Run again after changing the mark:
//   node --import tsx admin/build/icons.ts
// It renders an SVG in Debian's Chromium (playwright-core, as the browser tests do) with the system's
// Noto Sans CJK for 关.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const outDir = fileURLToPath(new URL('../public/icons', import.meta.url));

/** The admin's app bar (react-admin's secondary colour), so the installed app and its icon match. */
export const BRAND = '#2196f3';

const HEART = 'M50 90C19 67 5 50 5 33 5 18 16 7 30 7c9 0 16 5 20 12 4-7 11-12 20-12 14 0 25 11 25 26 0 17-14 34-45 57z';

/**
 * A white heart holding 关 on the brand blue. `maskable`: the blue fills the square and the mark keeps
 * to the middle 60 % (the platform may cut the icon to a circle of 80 %); otherwise a rounded square.
 */
function svg(size: number, { maskable = false } = {}) {
  const scale = maskable ? 0.6 : 0.74;
  const offset = (100 - 100 * scale) / 2;
  const background = maskable
    ? `<rect width="100" height="100" fill="${BRAND}"/>`
    : `<rect width="100" height="100" rx="22" fill="${BRAND}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  ${background}
  <g transform="translate(${offset} ${offset + 2}) scale(${scale})">
    <path d="${HEART}" fill="#fff"/>
    <text x="50" y="58" text-anchor="middle" font-family="Noto Sans CJK SC, sans-serif" font-weight="700"
      font-size="40" fill="${BRAND}">关</text>
  </g>
</svg>`;
}

const ICONS = [
  { file: 'icon-192.png', size: 192 },
  { file: 'icon-512.png', size: 512 },
  { file: 'icon-maskable-512.png', size: 512, maskable: true },
  // iOS ignores the manifest's icons and takes <link rel="apple-touch-icon">; it rounds the corners itself.
  { file: 'apple-touch-icon-180.png', size: 180, maskable: true },
];

async function main() {
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
  try {
    for (const icon of ICONS) {
      const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
      await page.setContent(
        `<html><body style="margin:0;background:transparent">${svg(icon.size, icon)}</body></html>`,
      );
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(outDir, icon.file), omitBackground: true });
      await page.close();
      console.log(`wrote admin/public/icons/${icon.file}`);
    }
  } finally {
    await browser.close();
  }
}

await main();
