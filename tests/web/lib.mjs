// Shared by the browser tests: the environment run.sh prepares, Debian's
// chromium driven by playwright-core, screenshots, and small HTTP helpers.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const env = process.env;
export const BASE = env.TINYKG_URL; // the demo database's server
export const FLEET = env.TINYKG_FLEET_URL; // the 10k-device fleet's server ('' if not started)
export const TOKEN = env.TINYKG_TOKEN;
export const OUT = env.TINYKG_WEB_OUT;
export const SOURCE = env.TINYKG_SOURCE_DIR;
export const TINYKG = env.TINYKG_BIN;
export const DB = env.TINYKG_DB;
export const DEVSIM_COUNT = Number(env.TINYKG_DEVSIM_COUNT || 0);
if (!BASE || !OUT || !SOURCE) throw new Error('run the browser tests through tests/web/run.sh');

// playwright-core is a dependency of web/ (one lockfile for the UI and its tests).
const { chromium } = createRequire(join(SOURCE, 'web', 'package.json'))('playwright-core');

// A fresh profile each time: no state leaks between runs or into the user's chromium.
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'tinykg-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  // The UI must never reach outside the tinykg server (everything is
  // bundled). Watched, not intercepted: request interception (context.route)
  // would switch off chromium's HTTP cache and so distort the page timings.
  const outside = [];
  context.on('request', (request) => {
    const url = request.url();
    if (!/^(http:\/\/127\.0\.0\.1[:/]|data:|blob:|about:)/.test(url)) outside.push(url);
  });
  return {
    context,
    outside,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// A page that fails the test on uncaught script errors.
export async function openPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.scriptErrors = errors;
  return page;
}

export async function shot(page, name) {
  mkdirSync(OUT, { recursive: true });
  await page.screenshot({ path: join(OUT, `${name}.png`), fullPage: true });
}

export async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

// GET that says whether the route exists yet (other work lands in parallel).
export async function routeExists(url) {
  const res = await fetch(url);
  return res.status !== 404 || !(await res.text()).includes('no such route');
}

// The token lives in sessionStorage; put it there as a user typing it would.
export async function giveToken(page) {
  await page.evaluate((t) => sessionStorage.setItem('tinykg.token', t), TOKEN);
}

// Only a page that never shows its data fails a test on time: a bound far
// above any load time measured, even on a CPU shared with a full build.
export const HANG_MS = 60000;

// Milliseconds from the start of navigation until `ready` (a function run in
// the page) first returns true, measured by the page's own clock.
export async function loadTime(page, url, ready) {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(`(${ready})() && performance.now()`, null, { polling: 'raf', timeout: HANG_MS });
  return handle.jsonValue();
}

export function noHorizontalOverflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth };
  });
}
