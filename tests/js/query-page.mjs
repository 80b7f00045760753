// Drives the query page of a running `policykg serve` in headless Chromium (Debian's
// /usr/bin/chromium, through playwright-core): reads the predefined prefixes listed on the page,
// opens a new tab and reads its query, runs it, types into the first tab's editor and reloads the
// page with the cursor still there. Prints JSON:
// {"errors": [...], "external": [...], "listed": {"pol": "...", ...}, "newTabQuery": "...",
//  "newTabRows": N, "tabsBefore": [...], "tabsAfter": [...], "firstQueryAfter": "..."}.
// Usage: node query-page.mjs ORIGIN MARK   (MARK: the text typed into the first tab)
import { withServedPage } from './served-page.mjs';

const [origin, mark] = process.argv.slice(2);
if (!origin || !mark) {
  console.error('usage: node query-page.mjs ORIGIN MARK');
  process.exit(2);
}
await withServedPage('query-page', origin, async (page) => {
  const tabNames = () => page.$$eval('.yasgui .tabsList .tab a[role="tab"]',
                                     (els) => els.map((e) => e.textContent.replace('\u2716', '').trim()));

  await page.goto(origin + '/query', { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  const listed = await page.$$eval('#prefix-list tr', (rows) =>
    Object.fromEntries(rows.map((r) => [r.cells[0].textContent.replace(/:$/, ''), r.cells[1].textContent])));
  const tabsBefore = await tabNames();

  // A new tab (YASGUI's "+"): it starts with the predefined prefixes and runs as it is.
  await page.click('.yasgui .tabsList .addTab');
  const newTabQuery = await page.evaluate(() => window.policykgYasgui.getTab().getYasqe().getValue());
  await page.click('.tabPanel.active .yasqe_queryButton');
  await page.waitForSelector('.tabPanel.active .yasr table.dataTable tbody tr td', { timeout: 60000 });
  const newTabRows = await page.$$eval('.tabPanel.active .yasr table.dataTable tbody tr', (trs) =>
    trs.filter((tr) => !tr.querySelector('td.dataTables_empty')).length);

  // Back to the first tab: type at the end of its query and reload at once, the cursor still there.
  await page.click('.yasgui .tabsList .tab:first-child a[role="tab"]');
  await page.click('.tabPanel.active .CodeMirror');
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# ' + mark);
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  const tabsAfter = await tabNames();
  await page.click('.yasgui .tabsList .tab:first-child a[role="tab"]');
  const firstQueryAfter = await page.evaluate(() => window.policykgYasgui.getTab().getYasqe().getValue());
  return { listed, newTabQuery, newTabRows, tabsBefore, tabsAfter, firstQueryAfter };
});
