// Writes through the UI: a model uploaded by drag and drop with a card, a
// device added with the form, and an invalid Thing Description refused with
// an error on screen and nothing stored.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BASE, SOURCE, getJson, giveToken, launch, openPage, shot } from './lib.mjs';

let browser;
let page;

// Opens the "Add a device" panel whether or not an earlier test left it open.
async function openAddDevice() {
  const panel = page.locator('details:has(summary:has-text("Add a device"))');
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').click();
}

before(async () => {
  browser = await launch();
  page = await openPage(browser.context);
  await page.goto(`${BASE}/#/models`);
  await giveToken(page);
});
after(async () => {
  assert.deepEqual(page.scriptErrors, []);
  await browser.close();
});

test('upload a .tflite by drag and drop with a model card', async () => {
  const before = await getJson(`${BASE}/api/stats`);
  const name = `web_test_${Date.now()}`;
  const bytes = readFileSync(join(SOURCE, 'data/reference/models/Hello_World.tflite')).toString('base64');
  await page.goto(`${BASE}/#/models`);
  const dropped = await page.evaluateHandle((b64) => {
    const data = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([data], 'Hello_World.tflite', { type: 'application/octet-stream' }));
    return transfer;
  }, bytes);
  await page.dispatchEvent('[data-testid=model-drop]', 'drop', { dataTransfer: dropped });
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Description').fill('sine wave, uploaded by the browser test');
  await page.getByLabel('Top-1 accuracy (%)').fill('91.5');
  await page.getByLabel('Input sensor').selectOption('Accelerometer');
  await page.getByRole('button', { name: 'Upload model' }).click();
  await page.waitForSelector('.notice.ok');

  const after = await getJson(`${BASE}/api/stats`);
  assert.equal(after.models, before.models + 1);
  const listed = await getJson(`${BASE}/api/models?name=${name}`);
  assert.equal(listed.total, 1);
  const detail = await getJson(`${BASE}/api/models/${listed.items[0].identifier}`);

  // The model page shows its layers and operators as the API has them.
  await page.click(`.notice.ok a`);
  await page.waitForSelector('[data-testid=layers-table] tbody tr');
  assert.equal(await page.locator('[data-testid=layers-table] tbody tr').count(), detail.layers.length);
  const ops = new Set(detail.layers.map((l) => l.hasOperatorCode));
  assert.equal(await page.locator('[data-testid=operators] .chip').count(), ops.size);
  assert.match(await page.locator('dd').allTextContents().then((t) => t.join(' ')), /sine wave/);
  await page.selectOption('select[name=device]', process.env.TINYKG_BOARD);
  await page.waitForSelector('[data-testid=bar-RAM] [role=meter]');
  await shot(page, 'model-page');
});

test('an invalid Thing Description is refused: error shown, nothing stored', async () => {
  const before = await getJson(`${BASE}/api/stats`);
  await page.goto(`${BASE}/#/devices`);
  await openAddDevice();
  // No title, no security, no @context: not a Thing Description.
  const td = JSON.stringify({ id: 'urn:dev:broken', properties: { temp: { forms: [] } } });
  await page.setInputFiles('[data-testid=device-drop] input', {
    name: 'broken.td.json',
    mimeType: 'application/td+json',
    buffer: Buffer.from(td),
  });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  const alert = page.locator('[data-testid=device-upload] ~ .notice.error, .panel .notice.error');
  await alert.first().waitFor();
  // Refused by the TD validation (not for its media type), with its reason.
  assert.match(await alert.first().textContent(), /not added: invalid Thing Description: \S/);
  await shot(page, 'device-invalid-td');
  assert.deepEqual(await getJson(`${BASE}/api/stats`), before);
});

test('upload a valid Thing Description: the device is stored with its memory', async () => {
  const before = await getJson(`${BASE}/api/stats`);
  // A reference board's TD under a new id and title, as a vendor would publish it.
  const td = JSON.parse(readFileSync(join(SOURCE, 'data/reference/devices-td/arduino_nano_ble_33.td.jsonld'), 'utf8'));
  td.id = `urn:uuid:00000000-0000-4000-8000-${String(Date.now()).slice(-12).padStart(12, '0')}`;
  td.title = `Web Test TD ${Date.now()}`;
  await page.goto(`${BASE}/#/devices`);
  await openAddDevice();
  await page.setInputFiles('[data-testid=device-drop] input', {
    name: 'board.td.json',
    mimeType: 'application/td+json',
    buffer: Buffer.from(JSON.stringify(td)),
  });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
  await page.waitForSelector('.notice.ok');
  assert.equal((await getJson(`${BASE}/api/stats`)).devices, before.devices + 1);
  const stored = await getJson(`${BASE}/api/devices/${encodeURIComponent(td.id)}`);
  assert.equal(stored.iri, td.id);
  await page.click('.notice.ok a');
  // The TD's "freeRam": "172 kB" reaches the device page through the graph.
  await page.waitForSelector('[data-testid=device-ram]:has-text("172 kB")');
  await shot(page, 'device-td');
});

test('add a device with the form: it is stored and found by the search', async () => {
  const before = await getJson(`${BASE}/api/stats`);
  const name = `Web Test Board ${Date.now()}`;
  await page.goto(`${BASE}/#/devices`);
  await openAddDevice();
  const form = page.locator('[data-testid=device-form]');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Free RAM (kB)').fill('256');
  await form.getByLabel('Free Flash (kB)').fill('1024');
  await form.getByLabel('Microphone').check();
  await form.getByRole('button', { name: 'Add device' }).click();
  await page.waitForSelector('.notice.ok');
  assert.equal((await getJson(`${BASE}/api/stats`)).devices, before.devices + 1);
  await page.getByLabel('Search devices').fill(name.toLowerCase());
  await page.waitForFunction(() => document.querySelector('[data-testid=device-count]')?.textContent === '1 devices');
  await page.click(`[data-testid=devices-table] a:has-text("${name}")`);
  await page.waitForSelector('[data-testid=device-ram]:has-text("256 kB")');
  await shot(page, 'device-page');
});
