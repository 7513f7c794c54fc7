// Opens the silo's Orleans dashboard in headless Chromium and saves a PNG once the dashboard has drawn live data.
// Usage: node dashboard-screenshot.mjs URL OUT.png [user:password]
// The dashboard is a single-page app polling the silo, so "loaded" means its silo table has rows, not that the HTML arrived.
import puppeteer from 'puppeteer-core';

const [url, out, credentials] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node dashboard-screenshot.mjs URL OUT.png [user:password]');
  process.exit(2);
}
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  // Running as root in a container: Chromium's sandbox needs user namespaces this machine does not grant.
  // No network beyond loopback here: without these Chromium keeps trying to reach Google's services.
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  defaultViewport: { width: 1600, height: 1000 },
});
try {
  const page = await browser.newPage();
  if (credentials) {
    const split = credentials.indexOf(':');
    await page.authenticate({ username: credentials.slice(0, split), password: credentials.slice(split + 1) });
  }
  const response = await page.goto(url, { waitUntil: 'networkidle2', timeout: 60000 });
  if (!response || !response.ok()) {
    throw new Error(`${url} answered ${response ? response.status() : 'nothing'}`);
  }
  // Wait for the dashboard's first data: numbers in its cards or a table row, whichever the version draws.
  await page.waitForFunction(() => document.querySelectorAll('table tbody tr, .info-box-number, .card').length > 0, { timeout: 60000 });
  // Two more polling rounds so the charts show a trend rather than one point.
  await new Promise(resolve => setTimeout(resolve, Number(process.env.SETTLE_MS || 6000)));
  await page.screenshot({ path: out, fullPage: true });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
