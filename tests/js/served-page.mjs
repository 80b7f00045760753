// Headless Chromium (Debian's /usr/bin/chromium, or POLICYKG_CHROMIUM, through playwright-core)
// for the pages of a running `policykg serve`, shared by the browser scripts here: a fresh
// profile, every request outside the server aborted and listed in "external", console and page
// errors listed in "errors".
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

// Runs `body(page)` on a page of `origin` and prints {errors, external, ...what body returned} as
// JSON on stdout; on a failure prints "NAME: message" on stderr and sets the exit code to 1.
export async function withServedPage(name, origin, body) {
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
      if (url.startsWith(origin + '/') || url.startsWith('data:')) return route.continue();
      external.push(url);
      return route.abort();
    });
    const page = context.pages()[0] || await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    const seen = await body(page);
    process.stdout.write(JSON.stringify({ errors, external, ...seen }));
  } catch (e) {
    console.error(`${name}: ${e.message}`);
    process.exitCode = 1;
  } finally {
    if (context) await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
