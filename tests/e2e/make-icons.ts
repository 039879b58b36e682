// Draws the toolbar/store icons (public/icon/{16,32,48,128}.png) from one SVG, in headless Chromium, so the
// icons can be changed by editing the SVG below. Run: npx tsx tests/e2e/make-icons.ts
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** A clean page (white sheet, three lines of text) on Nitido's blue; the lines thicken at small sizes. */
function iconSvg(size: number): string {
  const small = size <= 32;
  const line = small ? 12 : 9;
  const lines = small ? [40, 64, 88] : [38, 58, 78];
  const widths = small ? [56, 56, 36] : [60, 60, 40];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="${small ? 22 : 26}" fill="#1f5f8b"/>
  <rect x="${small ? 24 : 28}" y="${small ? 20 : 22}" width="${small ? 80 : 72}" height="${small ? 88 : 84}" rx="8" fill="#ffffff"/>
  ${lines
    .map(
      (y, i) =>
        `<rect x="${small ? 36 : 34 + 6}" y="${y}" width="${widths[i]}" height="${line}" rx="${line / 2}" fill="#1f5f8b"/>`,
    )
    .join('\n  ')}
  ${small ? '' : '<rect x="40" y="92" width="28" height="9" rx="4.5" fill="#7fb8e6"/>'}
</svg>`;
}

const out = path.resolve('public/icon');
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const size of [16, 32, 48, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${iconSvg(size)}`,
  );
  await page.screenshot({ path: path.join(out, `${size}.png`), omitBackground: true });
}
await browser.close();
console.log(`icons written to ${out}`);
