// Screenshots of a page at phone and desktop widths, for a person to look at.
// Usage: node shoot.mjs <base-url> <path> <out-prefix> [dark]
import { launch } from './browser.mjs';
const [base, path, out, scheme] = process.argv.slice(2);
const browser = await launch();
for (const width of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme === 'dark' ? 'dark' : 'light' });
  page.on('console', (m) => m.type() === 'error' && console.error('console:', m.text()));
  page.on('pageerror', (e) => console.error('pageerror:', e.message));
  await page.goto(base + path);
  await page.waitForSelector('h1');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}-${width}.png`, fullPage: true });
  await page.close();
}
await browser.close();
