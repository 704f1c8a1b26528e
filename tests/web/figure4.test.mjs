// The paper's Figure 4 flow, end to end: pick a reference board, the table
// lists exactly the models the match engine says fit it, then deploy one of
// them to simulated devices and watch the campaign reach 100 %.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { after, before, test } from 'node:test';
import { BASE, DB, DEVSIM_COUNT, TINYKG, TOKEN, getJson, launch, openPage, routeExists, shot } from './lib.mjs';

const BOARD = process.env.TINYKG_BOARD;
const DEPLOY_MODEL = process.env.TINYKG_DEPLOY_MODEL;
let browser;
let page;

before(async () => {
  browser = await launch();
  page = await openPage(browser.context);
});
after(async () => {
  assert.deepEqual(browser.outside, [], 'the UI fetched something outside the tinykg server');
  await browser.close();
});

async function tableKeys(testId) {
  return page.$$eval(`[data-testid=${testId}] tbody tr`, (rows) => rows.map((r) => r.dataset.key));
}

test('pick a reference board: the table shows exactly its fitting models', async (t) => {
  if (!(await routeExists(`${BASE}/api/match/models?device=x`))) {
    t.skip('GET /api/match/models is not in this build yet');
    return;
  }
  await page.goto(`${BASE}/#/fit`);
  await page.getByLabel('Filter devices').fill('nano');
  await page.waitForSelector(`select[name=device] option[value="${BOARD}"]`, { state: 'attached' });
  await page.selectOption('select[name=device]', BOARD);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForSelector('[data-testid=fit-table] tbody tr');

  const answer = await getJson(`${BASE}/api/match/models?device=${encodeURIComponent(BOARD)}&include=all`);
  const fitting = answer.items.filter((m) => m.fits === true).map((m) => m.uuid).sort();
  assert.ok(fitting.length > 0, 'the board fits no model: the test would prove nothing');
  assert.ok(fitting.length < answer.items.length, 'every model fits: the filter would prove nothing');
  assert.deepEqual((await tableKeys('fit-table')).sort(), fitting);

  // The CLI answers the same question from the same database (LMDB lets
  // the server and the CLI read at once): one JSON object per fitting model.
  const cli = JSON.parse(
    execFileSync(TINYKG, ['--db', DB, 'match', 'models', '--device', BOARD, '--format', 'json'], { encoding: 'utf8' }),
  );
  assert.deepEqual(cli.map((row) => row.uuid).sort(), fitting);

  // Columns of Figure 4, sortable: RAM ascending after a click on its header.
  const headers = await page.$$eval('[data-testid=fit-table] thead th', (ths) => ths.map((th) => th.textContent.trim()));
  for (const name of ['UUID', 'Name', 'Category', 'Accuracy', 'MACs', 'RAM', 'Flash', 'Est. latency']) {
    assert.ok(headers.some((h) => h.startsWith(name)), `column ${name} missing from ${headers}`);
  }
  await page.getByRole('button', { name: /^RAM/ }).click();
  const ram = await page.$$eval('[data-testid=fit-table] td[data-col=ram]', (tds) => tds.map((td) => parseFloat(td.textContent.replace(/,/g, ''))));
  assert.deepEqual(ram, [...ram].sort((a, b) => a - b));

  // Refused models come with the engine's reason.
  const refused = answer.items.length - fitting.length;
  await page.getByLabel(/models that do not fit/).check();
  const reasons = await page.$$eval('[data-testid=refused-table] td[data-col=reasons]', (tds) => tds.map((td) => td.textContent));
  assert.equal(reasons.length, refused);
  assert.ok(reasons.every((r) => r.trim().length > 0));
  await page.getByLabel(/models that do not fit/).uncheck();
  await shot(page, 'figure4');
});

test('deploy a fitting model to the simulated devices: progress reaches 100 %', async (t) => {
  if (!DEVSIM_COUNT) {
    t.skip('tinykg-devsim is not built or did not start');
    return;
  }
  if (!DEPLOY_MODEL) {
    t.skip('run.sh could not store the .tflite of the model to deploy');
    return;
  }
  if (!(await routeExists(`${BASE}/api/deployments`)) || !(await page.$('[data-testid=fit-table]'))) {
    t.skip('the deployments API or the fitting-models table is not available');
    return;
  }
  // The model whose .tflite run.sh stored (the demo keeps only model cards).
  const row = page.locator('[data-testid=fit-table] tbody tr', { has: page.getByRole('link', { name: DEPLOY_MODEL, exact: true }) });
  assert.equal(await row.count(), 1, `${DEPLOY_MODEL} is not in the table of fitting models`);
  const uuid = await row.getAttribute('data-key');
  await row.locator('input[type=checkbox]').check();
  await page.getByRole('button', { name: 'Deploy' }).click();
  await page.getByLabel(/Every device the model fits/).check();
  await page.getByRole('button', { name: 'Start deployment' }).click();
  // No token in this tab yet: the UI asks for one.
  await page.getByPlaceholder('tkg_…').fill(TOKEN);
  await page.getByRole('button', { name: 'Use token' }).click();
  await page.waitForURL(/#\/deployments\/[^/]+$/);
  await page.waitForFunction(() => document.querySelector('[data-testid=progress-text]')?.textContent === '100 %', null, {
    timeout: 60000,
  });
  const id = decodeURIComponent(page.url().split('/').pop());
  const campaign = await getJson(`${BASE}/api/deployments/${encodeURIComponent(id)}`);
  // The campaign names the model by its IRI, the table by its UUID.
  const fits = await getJson(`${BASE}/api/match/models?device=${encodeURIComponent(BOARD)}`);
  assert.equal(campaign.model, fits.items.find((m) => m.uuid === uuid)?.iri);
  assert.equal(campaign.progress, 1);
  const simulated = campaign.devices.filter((d) => d.iri.includes('/devsim/'));
  assert.equal(simulated.length, DEVSIM_COUNT, 'every simulated device fits the model like its board');
  assert.ok(simulated.every((d) => d.status === 'confirmed'), JSON.stringify(simulated));
  await page.waitForSelector('[data-testid=campaign-report]');
  await shot(page, 'deployment');
  assert.deepEqual(page.scriptErrors, []);
});
