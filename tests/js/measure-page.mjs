// Drives a running `policykg serve` in headless Chromium (Debian's /usr/bin/chromium, through
// playwright-core) the way a researcher looks for a measure: searches for WORDS with the search
// form of the query page, opens the first answer, reads who the page says is responsible and its
// facts, then follows "See it in the graph" to the focused graph page. Prints JSON:
// {"errors": [...], "external": [...], "results": [{"text", "href"}], "page": {"url", "title",
//  "responsible": [{"how", "text", "parties": [...], "route"}], "facts": {heading: [values]}},
//  "graph": {"url", "nodes", "focus": "id of the selected node"}}.
// Requests to anything but the server are aborted and listed in "external".
// Usage: node measure-page.mjs ORIGIN WORDS
import { withServedPage } from './served-page.mjs';

const [origin, words] = process.argv.slice(2);
if (!origin || !words) {
  console.error('usage: node measure-page.mjs ORIGIN WORDS');
  process.exit(2);
}
await withServedPage('measure-page', origin, async (page) => {
  // The search form of the query page.
  await page.goto(origin + '/query', { waitUntil: 'load' });
  // Once the page's editor is set up: words typed before it could be lost, and the search sent empty.
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  await page.fill('form.search input[name="q"]', words);
  await Promise.all([page.waitForURL((u) => u.pathname === '/search'), page.click('form.search button')]);
  const results = await page.$$eval('ol.search-results > li > a:first-child',
                                    (as) => as.map((a) => ({ text: a.textContent.trim(), href: a.getAttribute('href') })));

  // The first answer's page.
  await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/page/')),
                     page.click('ol.search-results > li:first-child > a:first-child')]);
  const title = (await page.textContent('h1')).trim();
  const responsible = await page.$$eval('section.facts ul.responsible > li', (lis) => lis.map((li) => ({
    how: li.dataset.how,
    text: li.textContent.replace(/\s+/g, ' ').trim(),
    parties: [...li.querySelectorAll(':scope > a')].map((a) => a.textContent.trim()),
    route: (li.querySelector('.route') || { textContent: '' }).textContent.replace(/\s+/g, ' ').trim(),
  })));
  const facts = await page.$$eval('table.unit-facts tr', (trs) => Object.fromEntries(trs.map((tr) =>
    [tr.querySelector('th').textContent.trim(), [...tr.querySelectorAll('li')].map((li) => li.textContent.trim())])));
  const pageUrl = page.url();

  // Its neighbourhood in the graph page.
  await Promise.all([page.waitForURL((u) => u.pathname === '/graph'), page.click('p.graph-around a:first-child')]);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60000 });
  const graph = await page.evaluate(() => {
    const cy = window.policykgGraph.cy;
    return { url: location.href, nodes: cy.nodes().length, ids: cy.nodes().map((n) => n.id()) };
  });
  return { results, page: { url: pageUrl, title, responsible, facts }, graph };
});
