// Opens the /diff page of a running `policykg serve` in headless Chromium (Debian's
// /usr/bin/chromium, through playwright-core) and reads what it shows. Prints JSON:
// {"errors": [...], "external": [...], "title": "...", "summary": {"revised": N, ...},
//  "rows": {"revised": N, ...}, "deleted": [...], "inserted": [...], "facts": [...],
//  "columns": [left x, right x], "delStyle": "...", "insBackground": "...",
//  "shownAfter": [the change of each row still shown once "changes only" is ticked]}
// Usage: node diff-page.mjs URL
import { withServedPage } from './served-page.mjs';

const [url] = process.argv.slice(2);
if (!url) {
  console.error('usage: node diff-page.mjs URL');
  process.exit(2);
}
const origin = new URL(url).origin;
await withServedPage('diff-page', origin, async (page) => {
  await page.goto(url, { waitUntil: 'load' });
  const seen = await page.evaluate(() => {
    const count = (sel) => document.querySelectorAll(sel).length;
    const summary = {}, rows = {};
    for (const li of document.querySelectorAll('ul.summary li'))
      summary[li.dataset.change] = Number(li.querySelector('b').textContent);
    for (const kind of ['unchanged', 'revised', 'moved', 'added', 'removed'])
      rows[kind] = count(`table.diff tbody tr[data-change="${kind}"]`);
    const head = document.querySelectorAll('table.diff thead th');
    // The style applied: deleted words struck through on the left, inserted words on the right.
    const del = document.querySelector('td.old del'), ins = document.querySelector('td.new ins');
    return {
      title: document.title,
      summary, rows,
      deleted: [...document.querySelectorAll('td.old del')].map((e) => e.textContent),
      inserted: [...document.querySelectorAll('td.new ins')].map((e) => e.textContent),
      facts: [...document.querySelectorAll('td.new ul.facts li')].map((e) => e.textContent),
      columns: [head[1].getBoundingClientRect().x, head[2].getBoundingClientRect().x],
      delStyle: del ? getComputedStyle(del).textDecorationLine : '',
      insBackground: ins ? getComputedStyle(ins).backgroundColor : '',
    };
  });
  // "changes only": the unchanged rows hidden, the others shown.
  await page.check('#changes-only');
  const shownAfter = await page.$$eval('table.diff tbody tr', (trs) =>
    trs.filter((tr) => tr.getBoundingClientRect().height > 0).map((tr) => tr.dataset.change));
  return { ...seen, shownAfter };
});
