// Opens an exported graph page in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core), searches it and prints what it saw as JSON:
// {"errors": [...], "requests": [...], "nodes": N, "edges": M, "counts": "...", "legend": [...],
//  "searches": [{"query", "results": [labels listed], "details": "the panel after clicking the first"}]}.
// Usage: node graph-page.mjs [--screenshot FILE.png] PAGE.html SEARCH...
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
let screenshot = null;
if (args[0] === '--screenshot') { screenshot = args[1]; args.splice(0, 2); }
const [page_file, ...queries] = args;
if (!page_file || !queries.length) {
  console.error('usage: node graph-page.mjs [--screenshot FILE.png] PAGE.html SEARCH...');
  process.exit(2);
}
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
  const page = context.pages()[0] || await context.newPage();
  const errors = [], requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url()); });
  await page.goto(pathToFileURL(resolve(page_file)).href, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  const counts = await page.evaluate(() => ({
    nodes: window.policykgGraph.cy.nodes().length,
    edges: window.policykgGraph.cy.edges().length,
    text: document.getElementById('counts').textContent,
    legend: [...document.querySelectorAll('#legend li')].map((li) => li.textContent),
  }));
  const searches = [];
  for (const query of queries) {
    await page.fill('#search', query);
    const results = await page.$$eval('#results li', (lis) => lis.map((li) => li.textContent));
    let details = '';
    if (await page.$('#results li[data-id]')) {
      await page.click('#results li[data-id]');
      details = await page.textContent('#details');
    }
    searches.push({ query, results, details });
  }
  if (screenshot) {
    await page.waitForTimeout(400);
    await page.screenshot({ path: screenshot });
  }
  process.stdout.write(JSON.stringify({ errors, requests, nodes: counts.nodes, edges: counts.edges, counts: counts.text,
                                        legend: counts.legend, searches }));
} catch (e) {
  console.error(`graph-page: ${page_file}: ${e.message}`);
  process.exitCode = 1;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
