// The Query page with a case-study template, and the Graph page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BASE, SOURCE, getJson, launch, openPage, routeExists, shot } from './lib.mjs';

let browser;
let page;

before(async () => {
  browser = await launch();
  page = await openPage(browser.context);
});
after(async () => {
  assert.deepEqual(browser.outside, [], 'the UI fetched something outside the tinykg server');
  assert.deepEqual(page.scriptErrors, []);
  await browser.close();
});

async function sparqlRows(query) {
  const res = await fetch(`${BASE}/sparql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/sparql-query', Accept: 'application/sparql-results+json' },
    body: query,
  });
  assert.equal(res.status, 200);
  return (await res.json()).results.bindings;
}

test('query page: a case-study template runs and its results download as CSV', async () => {
  const file = 'case2-models-for-device.rq';
  const template = readFileSync(join(SOURCE, 'data/queries', file), 'utf8');
  const expected = await sparqlRows(template);
  assert.ok(expected.length > 0);
  await page.goto(`${BASE}/#/query`);
  await page.getByLabel('Template').selectOption(file);
  assert.equal(await page.getByLabel('SPARQL query').inputValue(), template);
  assert.ok((await page.locator('.editor-mirror .tok-keyword').count()) > 5, 'keywords are highlighted');
  await page.getByRole('button', { name: /^Run/ }).click();
  await page.waitForSelector('[data-testid=query-results] tbody tr');
  const cells = await page.$$eval('[data-testid=query-results] tbody tr', (rows) => rows.map((r) => r.cells[0].textContent));
  assert.deepEqual(cells, expected.map((b) => b.name.value));
  await shot(page, 'query');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8').trim().split(/\r?\n/);
  assert.equal(csv[0], 'name,uuid,macs,ram,flash');
  assert.equal(csv.length, expected.length + 1);
});

test('query page: a syntax error is shown at its line', async () => {
  await page.goto(`${BASE}/#/query`);
  const broken = 'PREFIX schema: <https://schema.org/>\nSELECT ?name WHERE {\n  ?m schema:name ?name \n  FILTER (?name = )\n}';
  await page.getByLabel('SPARQL query').fill(broken);
  await page.getByRole('button', { name: /^Run/ }).click();
  const error = page.locator('[data-testid=query-error]');
  await error.waitFor();
  const line = Number(/Line (\d+)/.exec(await error.textContent())?.[1]);
  assert.equal(line, 4, await error.textContent());
  const marked = await page.$$eval('.editor-mirror > div', (lines) => lines.findIndex((l) => l.classList.contains('error-line')));
  assert.equal(marked + 1, 4);
  await shot(page, 'query-error');
});

test('devices page: the runtime and memory filters list what the graph holds', async () => {
  const [{ n }] = await sparqlRows(`PREFIX s3n: <http://w3id.org/s3n/> PREFIX ssn: <http://www.w3.org/ns/ssn/>
    SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {
      ?d a s3n:SmartSensor ; ssn:hasSubSystem ?mcu . ?mcu <https://tinykg.dev/ns#kernelLibrary> "cmsis-nn" }`);
  const cmsis = Number(n.value);
  const devices = await getJson(`${BASE}/api/devices?limit=1000`);
  const all = devices.total;
  const most = Math.max(...devices.items.map((d) => d.ram_kb)); // kB of the roomiest board
  const big = (await getJson(`${BASE}/api/devices?min_ram_kb=${most}&limit=1`)).total;
  assert.ok(cmsis > 0 && cmsis < all, `${cmsis} of ${all} devices use cmsis-nn: the filter would prove nothing`);
  assert.ok(big > 0 && big < all, `${big} of ${all} devices have ${most} kB of RAM: the filter would prove nothing`);

  const count = (expected) =>
    page.waitForFunction((text) => document.querySelector('[data-testid=device-count]')?.textContent === text, `${expected} devices`);
  await page.goto(`${BASE}/#/devices`);
  await count(all);
  await page.getByLabel('Runtime').selectOption('cmsis-nn');
  await count(cmsis);
  await page.getByLabel('Runtime').selectOption('');
  await page.locator('form.filters').getByLabel(/Free RAM/).fill(String(most));
  await count(big);
  await shot(page, 'devices-filtered');
});

test('graph page: devices, models and fit edges render', async (t) => {
  if (!(await routeExists(`${BASE}/api/match/models?device=x`))) {
    t.skip('GET /api/match/models is not in this build yet');
    return;
  }
  await page.goto(`${BASE}/#/graph`);
  await page.waitForFunction(() => /\d+ nodes/.test(document.querySelector('[data-testid=graph-count]')?.textContent ?? ''), null, { timeout: 20000 });
  await page.waitForSelector('[data-testid=graph] canvas');
  const text = await page.textContent('[data-testid=graph-count]');
  const [, nodes, edges] = /(\d+) nodes, (\d+) fit edges/.exec(text).map(Number);
  // A device that fits more than the page draws shows its most accurate ones,
  // and the text says how many edges that hides.
  const capped = /the (\d+) most accurate models per device; (\d+) more fit edges hidden/.exec(text);
  const cap = capped ? Number(capped[1]) : Infinity;
  const hidden = capped ? Number(capped[2]) : 0;
  const devices = await getJson(`${BASE}/api/devices?limit=1000`);
  if (devices.total <= 12) {
    // Every device is on screen: every fitting pair is drawn or counted as hidden.
    let pairs = 0;
    let drawn = 0;
    let widest = 0;
    const models = new Set();
    for (const d of devices.items) {
      const fit = (await getJson(`${BASE}/api/match/models?device=${encodeURIComponent(d.iri)}`)).items.filter((m) => m.fits === true);
      pairs += fit.length;
      drawn += Math.min(fit.length, cap);
      widest = Math.max(widest, Math.min(fit.length, cap));
      fit.forEach((m) => models.add(m.uuid));
    }
    assert.equal(edges, drawn, text);
    assert.equal(hidden, pairs - drawn, text);
    if (capped) assert.ok(nodes >= devices.total + widest && nodes <= devices.total + models.size, text);
    else assert.equal(nodes, devices.total + models.size, text);
  }
  assert.ok(edges > 0);
  await shot(page, 'graph');
});
