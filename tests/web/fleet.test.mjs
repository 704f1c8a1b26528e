// Every page against a 10,000-device fleet: how long it takes to load
// (navigation start until its data is on screen), and that it is usable at
// 1280×800 and at phone width (390×844): no horizontal overflow, the
// navigation visible. The load times are measurements, not assertions (the
// developers' guide keeps speed goals in bench/ and BENCHMARKS.md): they go
// to page-load.json beside the 300 ms goal of issue #10; only a page that
// never shows its data (a hang, lib.mjs HANG_MS) fails the test.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { FLEET, HANG_MS, OUT, getJson, launch, loadTime, noHorizontalOverflow, openPage, routeExists, shot } from './lib.mjs';

const GOAL_MS = 300; // issue #10: every page in under 300 ms (reported, see above)
const RUNS = 3; // the median of three loads, so one slow scheduler tick does not decide
const FLEET_DEVICE = 'http://example.org/fleet/device/4242';

let browser;
let page;
let pages;

// A page: its route and the condition under which its data is shown.
function fleetPages(person, hasMatch, hasDeployments) {
  const rows = (id) => `() => document.querySelectorAll('[data-testid=${id}] tbody tr').length > 0`;
  const list = [
    ['devices', '#/devices', `() => document.querySelectorAll('[data-testid=devices-table] tbody tr').length === 50 && /^[0-9,]+ devices$/.test(document.querySelector('[data-testid=device-count]')?.textContent ?? '')`],
    ['device', `#/devices/${encodeURIComponent(FLEET_DEVICE)}`, `() => /kB/.test(document.querySelector('[data-testid=device-ram]')?.textContent ?? '')`],
    ['models', '#/models', rows('models-table')],
    ['model', `#/models/${person}`, rows('layers-table')],
    ['query', '#/query', `() => document.querySelectorAll('.editor-mirror .tok-keyword').length > 0`],
  ];
  if (hasMatch) {
    list.push(['fit', `#/fit?device=${encodeURIComponent(FLEET_DEVICE)}`, `() => !!document.querySelector('[data-testid=fit-count]')`]);
    list.push(['graph', '#/graph', `() => / nodes/.test(document.querySelector('[data-testid=graph-count]')?.textContent ?? '') && !!document.querySelector('[data-testid=graph] canvas')`]);
  }
  if (hasDeployments) {
    list.push(['deployments', '#/deployments', `() => !!document.querySelector('main table, main .empty')`]);
  }
  return list;
}

before(async () => {
  assert.ok(FLEET, 'run.sh starts the fleet server');
  const stats = await getJson(`${FLEET}/api/stats`);
  assert.ok(stats.devices >= 10000, `the fleet has ${stats.devices} devices`);
  const person = (await getJson(`${FLEET}/api/models?name=Person_Detection`)).items[0].identifier;
  pages = fleetPages(
    person,
    await routeExists(`${FLEET}/api/match/models?device=x`),
    await routeExists(`${FLEET}/api/deployments`),
  );
  browser = await launch();
  page = await openPage(browser.context);
});
after(async () => {
  assert.deepEqual(page.scriptErrors, []);
  await browser.close();
});

test('page load times on the 10k-device fleet are measured into page-load.json', async () => {
  await page.goto(`${FLEET}/`); // the first visit fills the HTTP cache, as for any returning user
  const timings = {};
  for (const [name, route, ready] of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      await page.goto('about:blank');
      runs.push(await loadTime(page, `${FLEET}/${route}`, ready));
    }
    runs.sort((a, b) => a - b);
    timings[name] = { median_ms: Math.round(runs[1]), runs_ms: runs.map(Math.round) };
  }
  const stats = await getJson(`${FLEET}/api/stats`);
  const over = Object.keys(timings).filter((name) => timings[name].median_ms >= GOAL_MS);
  const report = {
    goal_ms: GOAL_MS,
    over_goal: over,
    fleet: { devices: stats.devices, models: stats.models, quads: stats.quads },
    chromium: process.env.TINYKG_CHROMIUM_VERSION || null,
    cpus: cpus().length,
    load_average_1min: loadavg()[0],
    measured: new Date().toISOString(),
    pages: timings,
  };
  writeFileSync(join(OUT, 'page-load.json'), JSON.stringify(report, null, 2));
  console.log(`page load (median of ${RUNS}): ` + Object.entries(timings).map(([n, t]) => `${n} ${t.median_ms} ms`).join(', '));
  if (over.length) console.log(`over the ${GOAL_MS} ms goal: ${over.join(', ')} (see BENCHMARKS.md, Web UI)`);
  assert.equal(Object.keys(timings).length, pages.length, 'every page was measured');
});

for (const [label, viewport] of [['desktop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  test(`every page is usable at ${viewport.width}×${viewport.height}`, async () => {
    await page.setViewportSize(viewport);
    for (const [name, route, ready] of pages) {
      await page.goto(`${FLEET}/${route}`);
      await page.waitForFunction(`(${ready})()`, null, { timeout: HANG_MS });
      const { scrollWidth, clientWidth } = await noHorizontalOverflow(page);
      assert.ok(scrollWidth <= clientWidth, `${name} at ${label}: page is ${scrollWidth}px wide in a ${clientWidth}px window`);
      for (const link of await page.locator('header nav a').all()) {
        assert.ok(await link.isVisible(), `${name} at ${label}: a navigation link is hidden`);
        const box = await link.boundingBox();
        assert.ok(box.x >= 0 && box.x + box.width <= clientWidth, `${name} at ${label}: a navigation link is off screen`);
      }
      await shot(page, `${label}-${name}`);
    }
  });
}

test('the fleet graph shows each device\'s most accurate models and says how many it hides', async (t) => {
  if (!pages.some(([name]) => name === 'graph')) return t.skip('no match API in this build');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${FLEET}/#/graph`);
  await page.waitForFunction(() => / nodes/.test(document.querySelector('[data-testid=graph-count]')?.textContent ?? ''), null, { timeout: HANG_MS });
  const text = await page.textContent('[data-testid=graph-count]');
  const [, nodes, edges, perDevice, hidden] = /(\d+) nodes, (\d+) fit edges \(the (\d+) most accurate models per device; (\d+) more/.exec(text)?.map(Number) ?? [];
  assert.ok(hidden > 0, `the 10k fleet's first devices fit more models than are drawn: "${text}"`);
  assert.ok(edges <= 12 * perDevice && nodes <= 12 + edges, text);
});
