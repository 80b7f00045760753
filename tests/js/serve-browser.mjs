// Drives a running `policykg serve` in headless Chromium (Debian's /usr/bin/chromium, through
// playwright-core): opens the query page, runs the first example tab, reads the results table,
// then opens a resource page and follows its first link to another resource. Prints JSON:
// {"errors": [...], "external": [...], "tabs": [...], "columns": [...], "rows": N, "firstRow": "...",
//  "page": {"title": "...", "link": "...", "followedUrl": "...", "followedTitle": "..."}}.
// Requests to anything but the server are aborted and listed in "external".
// Usage: node serve-browser.mjs ORIGIN RESOURCE_PATH   (e.g. http://127.0.0.1:8080 /page/agency/x)
import { withServedPage } from './served-page.mjs';

const [origin, resourcePath] = process.argv.slice(2);
if (!origin || !resourcePath) {
  console.error('usage: node serve-browser.mjs ORIGIN RESOURCE_PATH');
  process.exit(2);
}
await withServedPage('serve-browser', origin, async (page) => {
  // The query page: example tabs, run the first one, wait for its results table.
  await page.goto(origin + '/query', { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  const tabs = await page.$$eval('.yasgui .tabsList .tab a[role="tab"]',
                                 (els) => els.map((e) => e.textContent.replace('\u2716', '').trim()));
  await page.click('.yasqe_queryButton');
  await page.waitForSelector('.yasr table.dataTable tbody tr td', { timeout: 60000 });
  const columns = await page.$$eval('.yasr table.dataTable thead th', (ths) => ths.map((th) => th.textContent.trim()));
  const rows = await page.$$eval('.yasr table.dataTable tbody tr', (trs) =>
    trs.filter((tr) => !tr.querySelector('td.dataTables_empty')).length);
  const firstRow = await page.$eval('.yasr table.dataTable tbody tr', (tr) => tr.textContent.trim());

  // A resource page, then its first link to another resource of the graph.
  await page.goto(origin + resourcePath, { waitUntil: 'load' });
  const title = (await page.textContent('h1')).trim();
  const link = page.locator('section.outgoing a[href^="/id/"], section.incoming a[href^="/id/"]').first();
  const href = await link.getAttribute('href');
  await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/page/') && u.pathname !== resourcePath), link.click()]);
  const followedTitle = (await page.textContent('h1')).trim();
  return { tabs, columns, rows, firstRow, page: { title, link: href, followedUrl: page.url(), followedTitle } };
});
