// Opens one picture of the plan in headless Chromium (Debian's /usr/bin/chromium, or
// POLICYKG_CHROMIUM, through playwright-core), reads what it draws, clicks it like a reader and
// follows a measure to its source text. Prints JSON:
// {"errors": [...], "external": [...], "ms": from the navigation's start to the picture drawn (two
//  animation frames after it was set up, timed in the page), "seen": the same two frames counted
//  from when this script learnt that the picture was set up (round trips to the browser included),
//  "timing": {"script", "shown", "drawn"}: when pictures.js began, had set the picture up and saw it
//  drawn, "canvases": how many canvases the picture is drawn on, before anything hovers (null for
//  the tree), "chooser": whether the document chooser is shown (the graph holds more than one
//  document), "shown": {what the picture shows},
//  "fitted": {"drawn", "resized"}: each {"box": [w, h], "chart": [w, h]}, the chart's size and its box's, as
//            drawn and after the window shrank by 300 × 100 pixels (null for the tree),
//  "clicked": {"heading", "measures": [{"iri", "text"}]},
//  "followed": {"url", "text"} (served pages only: the measure's page and its text)}.
// PICTURE and ARG:
//   map DISTRICT_LABEL   shown: {"applies": n, "assigned": n} for the district, as shaded;
//                        the click is on the district's centre point
//   matrix ROW_LABEL     shown: {"row": {task IRI or "outside": n}}; the click is on the row's first cell
//   tree -               shown: {"units": {IRI: n}} as the outline counts them; opens the first task
//                        and clicks its first measure
//   typology PLACE_LABEL shown: {"all": {"sector IRI|instrument IRI": n}, "place": {...}} (after filtering
//                        by the place); the click is on the first bar of the filtered chart
//   timeline DOC_IRI     shown: {"documents": {IRI: year as drawn, or "undated"}, "links": [[from IRI, to IRI,
//                        relation...]]}; the click is on the document DOC_IRI
// With --document LABEL, the document whose name starts with LABEL is chosen first (the pictures
// then count its measures only). With --after OTHER, the page opens on the picture OTHER, and
// PICTURE is then shown by a click on its tab, as a reader goes from one picture to the next
// ("ms" and "timing" are still OTHER's).
// Every request outside the server (or, for a file, any request at all) is aborted and listed.
// With --no-click it only reads what is drawn (for bench/pictures/run.sh). With --warm the browser
// first opens the server's index page, as a reader's running browser has its renderer up: the
// time is then the picture page's own (without, it includes starting the browser's first page).
// With --return the browser has also shown the pictures once before (a reader coming back to
// them): it then has the page's scripts compiled.
// Usage: node pictures-page.mjs (ORIGIN | --file PAGE.html) PICTURE ARG [--document LABEL] [--after OTHER] [--screenshot FILE.png] [--no-click] [--warm | --return]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
let screenshot = null;
const at = args.indexOf('--screenshot');
if (at >= 0) { screenshot = args[at + 1]; args.splice(at, 2); }
const noClick = args.indexOf('--no-click');
if (noClick >= 0) args.splice(noClick, 1);
const warm = args.indexOf('--warm');
if (warm >= 0) args.splice(warm, 1);
const returning = args.indexOf('--return');
if (returning >= 0) args.splice(returning, 1);
let chosenDocument = null;
const documentAt = args.indexOf('--document');
if (documentAt >= 0) { chosenDocument = args[documentAt + 1]; args.splice(documentAt, 2); }
let after = null;
const afterAt = args.indexOf('--after');
if (afterAt >= 0) { after = args[afterAt + 1]; args.splice(afterAt, 2); }
let file = null;
if (args[0] === '--file') { file = args[1]; args.splice(0, 2); }
const origin = file ? null : args.shift();
const [picture, arg] = args;
if ((!file && !origin) || !picture) {
  console.error('usage: node pictures-page.mjs (ORIGIN | --file PAGE.html) PICTURE ARG [--document LABEL] [--after OTHER] [--screenshot FILE.png] [--no-click] [--warm | --return]');
  process.exit(2);
}

const profile = mkdtempSync(join(tmpdir(), 'policykg-chromium-'));
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.POLICYKG_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
  const errors = [], external = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if ((origin && url.startsWith(origin + '/')) || (file && url.startsWith('file:')) || url.startsWith('data:'))
      return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = context.pages()[0] || await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));

  const url = (file ? pathToFileURL(resolve(file)).href : origin + '/pictures') + '#' + (after || picture);
  if (returning >= 0) {
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('body[data-pictures-ready="true"]', { timeout: 30000 });
  }
  if ((warm >= 0 || returning >= 0) && origin) await page.goto(origin + '/', { waitUntil: 'load' });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('body[data-pictures-ready="true"]', { timeout: 30000 });
  // Drawn: two animation frames after the picture was set up, counted from the navigation's start
  // by the page itself. `seen` counts the same two frames from when this script had word that the
  // picture was set up (the round trips to the browser included).
  const seen = Math.round(await page.evaluate(() => new Promise((r) =>
    requestAnimationFrame(() => requestAnimationFrame(() => r(performance.now()))))));
  await page.waitForFunction(() => window.policykgPictures.timing.drawn !== null, null, { timeout: 30000 });
  const timing = await page.evaluate(() => window.policykgPictures.timing);
  const ms = Math.round(timing.drawn);
  if (after) {
    await page.click('#picture-tabs a[data-picture="' + picture + '"]');
    await page.waitForFunction((name) => !document.getElementById('picture-' + name).hidden, picture);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  // The canvases the picture is drawn on, before anything hovers (null for the tree).
  const canvases = picture === 'tree' ? null : await page.locator('#chart-' + picture + ' canvas').count();
  const chooser = await page.locator('#document-controls').isVisible();
  if (chosenDocument !== null) {
    const value = await page.$eval('#picture-document', (sel, label) => {
      const o = [...sel.options].find((x) => x.textContent.startsWith(label));
      if (!o) throw new Error('no document ' + label);
      return o.value;
    }, chosenDocument);
    await page.selectOption('#picture-document', value);
  }

  // Clicks the chart of `name` at a point given in its own coordinates (not with --no-click).
  async function clickChart(name, pixel) {
    if (noClick >= 0) return;
    const box = await page.locator('#chart-' + name + ' canvas').first().boundingBox();
    await page.mouse.click(box.x + pixel[0], box.y + pixel[1]);
    await page.waitForSelector('#picture-details ol.measure-list li', { timeout: 5000 });
  }

  let shown;
  if (picture === 'map') {
    const read = () => page.evaluate((label) => {
      const opt = window.policykgPictures.charts.map.getOption();
      const item = opt.series[0].data.find((d) => d.name === label);
      return item ? item.value : null;
    }, arg);
    const applies = await read();
    await page.check('#map-controls input[value="assigned"]');
    const assigned = await read();
    await page.check('#map-controls input[value="applies"]');
    shown = { applies, assigned };
    const pixel = await page.evaluate((label) => {
      const p = window.policykgPictures;
      const d = p.data.map.districts.find((x) => p.data.places[x.place].label === label);
      const geo = JSON.parse(document.getElementById('pictures-map').textContent);
      const f = geo.features.find((x) => x.properties.name === d.name);
      return p.charts.map.convertToPixel({ geoIndex: 0 }, f.properties.cp);
    }, arg);
    await clickChart('map', pixel);
  } else if (picture === 'matrix') {
    const read = await page.evaluate((label) => {
      const p = window.policykgPictures;
      const opt = p.charts.matrix.getOption();
      // The rows top to bottom; the axis counts from the bottom.
      const order = p.matrixRows();
      const y = order.length - 1 - order.indexOf(label);
      const row = {};
      let first = null;
      for (const [x, yy, v] of opt.series[0].data) {
        if (yy !== y) continue;
        const c = p.data.matrix.columns[x];
        row[c < 0 ? 'outside' : p.data.tasks[c].iri] = v;
        if (!first || x < first[0]) first = [x, yy];
      }
      return { row, pixel: first ? p.charts.matrix.convertToPixel({ seriesIndex: 0 }, first) : null };
    }, arg);
    shown = { row: read.row };
    if (read.pixel) await clickChart('matrix', read.pixel);
  } else if (picture === 'tree') {
    shown = { units: await page.$$eval('#plan-tree details[data-iri]', (ds) => Object.fromEntries(ds.map((d) =>
      [d.dataset.iri, Number(d.querySelector(':scope > summary .n').textContent.split(' ')[0])]))) };
    // The first task: open it and everything inside, then its first measure is the "click".
    const task = page.locator('#plan-tree details[data-iri*="/task/"]').first();
    await task.evaluate((d) => { let e = d; while (e) { if (e.tagName === 'DETAILS') e.open = true; e = e.parentElement; } });
    await task.evaluate((d) => d.querySelectorAll('details').forEach((x) => { x.open = true; }));
  } else if (picture === 'typology') {
    const read = () => page.evaluate(() => {
      const opt = window.policykgPictures.charts.typology.getOption();
      // Keyed by the concepts' IRIs ("none" for measures without one), in the chart's order.
      const data = window.policykgPictures.data;
      const key = (list, i) => (i < list.length ? list[i].iri : 'none');
      const out = {};
      opt.series.forEach((s, t) => s.data.forEach((v, i) => {
        if (v) out[key(data.sectors, i) + '|' + key(data.instruments, t)] = v;
      }));
      return out;
    });
    const all = await read();
    const value = await page.$eval('#typology-place', (sel, label) =>
      [...sel.options].find((o) => o.textContent.startsWith(label + ' (')).value, arg);
    await page.selectOption('#typology-place', value);
    const place = await read();
    shown = { all, place };
    const pixel = await page.evaluate(() => {
      const chart = window.policykgPictures.charts.typology;
      const opt = chart.getOption();
      for (let s = 0; s < opt.series.length; ++s) {
        const i = opt.series[s].data.findIndex((v) => v > 0);
        if (i >= 0) {
          // the middle of that bar segment: stacked below it are the earlier series
          let below = 0;
          for (let k = 0; k < s; ++k) below += opt.series[k].data[i] || 0;
          return chart.convertToPixel({ seriesIndex: s }, [i, below + opt.series[s].data[i] / 2]);
        }
      }
      return null;
    });
    if (pixel) await clickChart('typology', pixel);
  } else if (picture === 'timeline') {
    const read = await page.evaluate((iri) => {
      const p = window.policykgPictures;
      const tl = p.data.timeline;
      const opt = p.charts.timeline.getOption();
      const series = opt.series.find((s) => s.id === 'documents');
      const undated = opt.xAxis[0].min + 1;
      const documents = {};
      let target = null;
      series.data.forEach((n) => {
        const d = tl.documents[n.doc];
        documents[d.iri] = n.value[0] === undated ? 'undated' : Math.floor(n.value[0]);
        if (d.iri === iri) target = n.value;
      });
      const links = series.links.map((l) => [tl.documents[series.data[l.source].doc].iri,
        tl.documents[series.data[l.target].doc].iri].concat(tl.links.find((k) =>
          tl.documents[k.from].iri === tl.documents[series.data[l.source].doc].iri &&
          tl.documents[k.to].iri === tl.documents[series.data[l.target].doc].iri).relations));
      return { documents, links, pixel: target ? p.charts.timeline.convertToPixel({ seriesId: 'documents' }, target) : null };
    }, arg);
    shown = { documents: read.documents, links: read.links };
    if (!read.pixel) throw new Error('no node for ' + arg);
    await clickChart('timeline', read.pixel);
  } else {
    throw new Error('unknown picture ' + picture);
  }

  // Whether the picture's chart fills its box ({box: [w, h], chart: [w, h]}), as drawn and after
  // the window shrank (the chart is drawn again only when its box changed size).
  let fitted = null;
  if (picture !== 'tree') {
    const measure = () => page.evaluate((name) => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => {
      const chart = window.policykgPictures.charts[name], box = chart.getDom();
      r({ box: [box.clientWidth, box.clientHeight], chart: [chart.getWidth(), chart.getHeight()] });
    }))), picture);
    const viewport = page.viewportSize();
    fitted = { drawn: await measure() };
    await page.setViewportSize({ width: viewport.width - 300, height: viewport.height - 100 });
    fitted.resized = await measure();
    await page.setViewportSize(viewport);
    await measure();
  }

  // What the click listed, and (served) the page its first measure leads to.
  let clicked = null, followed = null;
  if (noClick < 0) {
    const listed = picture === 'tree'
      ? page.locator('#plan-tree details[data-iri*="/task/"]').first().locator('ol.measures > li')
      : page.locator('#picture-details ol.measure-list > li');
    clicked = {
      heading: picture === 'tree' ? '' : (await page.textContent('#picture-details h2')).trim(),
      measures: await listed.evaluateAll((lis) => lis.map((li) => ({
        iri: li.dataset.measure, text: li.querySelector('.text').textContent }))),
    };
    if (screenshot) await page.screenshot({ path: screenshot });

    if (origin && clicked.measures.length) {
      const link = listed.first().locator('a.measure-link');
      await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/page/')), link.click()]);
      followed = { url: page.url(), text: (await page.textContent('section.unit-text blockquote.text')).trim() };
    }
  }
  process.stdout.write(JSON.stringify({ errors, external, ms, seen, timing, canvases, chooser, shown, fitted, clicked, followed }));
} catch (e) {
  console.error(`pictures-page: ${e.message}`);
  process.exitCode = 1;
} finally {
  if (context) await context.close();
  rmSync(profile, { recursive: true, force: true });
}
