// check.mjs loads a needsmap report.html in headless Chromium (the Debian
// package, driven by playwright-core) and prints, as one JSON object on
// stdout, what a reader's browser did with it: console messages, page
// errors, every request the page made, axe-core's accessibility findings,
// how the page reflows in a 320px window, and the paths of screenshots. It judges nothing: the Go test
// (cmd/needsmap/clients_browser_test.go) decides what fails.
//
//	node check.mjs --report out/report.html --shots DIR [--chromium /usr/bin/chromium]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

// Flags that keep Chromium from talking to anything but the page: no
// background, component, sync or QUIC traffic, so any request we see is
// the report's own.
const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

// Scopes photographed: the statewide summary and the first region.
const shots = [
  { name: 'statewide', selector: 'section.scope:not(.region)' },
  { name: 'region', selector: 'section.scope.region' },
];

const { values: opts } = parseArgs({
  options: {
    report: { type: 'string' },
    shots: { type: 'string' },
    chromium: { type: 'string', default: '/usr/bin/chromium' },
  },
});
if (!opts.report || !opts.shots) {
  console.error('usage: node check.mjs --report FILE --shots DIR [--chromium PATH]');
  process.exit(2);
}

const docURL = pathToFileURL(path.resolve(opts.report)).href;
const result = {
  url: docURL, browser: '', title: '', console: [], pageErrors: [], requests: [],
  devtoolsRequests: [], dataURLs: [], failed: [], axe: null, screenshots: [],
  narrow: null,
};

// narrowWidth is WCAG 1.4.10's reflow width: a phone, or a desktop window
// zoomed to 400%. Only wide tables may scroll sideways there, inside their
// own box.
const narrowWidth = 320;

const browser = await chromium.launch({ executablePath: opts.chromium, args: chromiumArgs });
try {
  result.browser = browser.version();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await watch(page, context);
  await page.goto(docURL, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  result.title = await page.title();
  result.dataURLs.push(...await page.evaluate(scanDataURLs));
  result.axe = await runAxe(page);
  for (const s of shots) {
    const file = path.join(opts.shots, `${s.name}.png`);
    await page.locator(s.selector).first().screenshot({ path: file, animations: 'disabled' });
    result.screenshots.push(file);
  }
  result.narrow = await checkNarrow(page);
  await context.close();
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result, null, 2) + '\n');

// watch records console output, uncaught errors and requests. Playwright's
// request event misses data: URLs, so the DevTools Network domain is
// watched as well (devtoolsRequests), with data: URLs listed on their own.
async function watch(page, context) {
  page.on('console', (m) => {
    const loc = m.location();
    result.console.push({ type: m.type(), text: m.text(), where: `${loc.url}:${loc.lineNumber}` });
  });
  page.on('pageerror', (e) => result.pageErrors.push(String(e)));
  page.on('request', (r) => {
    if (r.url() !== docURL) result.requests.push(`${r.resourceType()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    if (r.url() !== docURL) result.failed.push(`${r.url()}: ${r.failure()?.errorText}`);
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    const url = e.request.url;
    if (url.startsWith('data:')) {
      result.dataURLs.push(`network ${url.slice(0, 60)}`);
    } else if (url !== docURL) {
      result.devtoolsRequests.push(`${e.type ?? 'Other'} ${url}`);
    }
  });
}

// scanDataURLs lists data: URLs written into the document, in attributes
// or style sheets, whether or not the browser has fetched them yet.
function scanDataURLs() {
  const found = [];
  const hit = (v) => /^\s*data:/i.test(v) || /url\(\s*['"]?data:/i.test(v);
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      if (hit(a.value)) found.push(`dom ${el.localName}[${a.name}]: ${a.value.trim().slice(0, 60)}`);
    }
  }
  for (const sheet of document.styleSheets) {
    for (const rule of sheet.cssRules) {
      if (hit(rule.cssText)) found.push(`css ${rule.cssText.slice(0, 80)}`);
    }
  }
  return found;
}

// checkNarrow narrows the window and reports how wide the page became,
// the outermost elements sticking out of it, and axe-core's findings there
// (a scrolling table box must be reachable from the keyboard).
async function checkNarrow(page) {
  await page.setViewportSize({ width: narrowWidth, height: 800 });
  const layout = await page.evaluate(() => {
    const width = window.innerWidth;
    const sticking = [];
    const out = (e) => e.getBoundingClientRect().right > width + 1;
    // Content inside a box that scrolls or clips does not widen the page.
    const boxed = (e) => {
      for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (out(el) && !out(el.parentElement) && !boxed(el) && getComputedStyle(el).visibility !== 'hidden') {
        const cls = typeof el.className === 'string' && el.className ? `.${el.className.split(' ').join('.')}` : '';
        sticking.push(`${el.localName}${cls} (right edge ${Math.round(el.getBoundingClientRect().right)}px)`);
      }
    }
    return { width, scrollWidth: document.documentElement.scrollWidth, sticking: sticking.slice(0, 20) };
  });
  return { ...layout, axe: await runAxe(page) };
}

// runAxe injects axe-core through DevTools evaluation, which the report's
// Content-Security-Policy (default-src 'none') does not govern, and runs
// every default rule against the whole page.
async function runAxe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  }
  const r = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const res = await axe.run(document, { resultTypes: ['violations', 'incomplete'] });
    return {
      version: res.testEngine.version,
      passes: res.passes.length,
      violations: res.violations.map(brief),
      incomplete: res.incomplete.map(brief),
    };
    function brief(v) {
      return {
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.join(' '),
          html: n.html.slice(0, 200),
          summary: n.failureSummary ?? '',
        })),
      };
    }
  });
  return r;
}
