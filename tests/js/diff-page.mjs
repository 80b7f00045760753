// Opens the /diff page of a running `policykg serve` in headless Chromium (Debian's
// /usr/bin/chromium, through playwright-core) and reads what it shows. Prints JSON:
// {"errors": [...], "external": [...], "title": "...", "summary": {"revised": N, ...},
//  "rows": {"revised": N, ...}, "deleted": [...], "inserted": [...], "facts": [...],
//  "columns": [left x, right x], "delStyle": "...", "insBackground": "...",
//  "shownAfter": [the change of each row still shown once "changes only" is ticked]}
// Usage: node diff-page.mjs URL
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const [url] = process.argv.slice(2);
if (!url) {
  console.error('usage: node diff-page.mjs URL');
  process.exit(2);
}
const origin = new URL(url).origin;
const executablePath = process.env.POLICYKG_CHROMIUM || '/usr/bin/chromium';
const profile = mkdtempSync(join(tmpdir(), 'policykg-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const errors = [], external = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith(origin + '/') || u.startsWith('data:')) return route.continue();
    external.push(u);
    return route.abort();
  });
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
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
  console.log(JSON.stringify({ errors, external, ...seen, shownAfter }));
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
