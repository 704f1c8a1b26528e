// Upload a .tflite (drag and drop or file picker) with an optional model
// card typed into a form; the server analyses the file and stores both.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { DropZone } from '../components/DropZone';
import { ErrorBox, Success } from '../components/Notice';
import { href } from '../router';

const CATEGORIES = ['', 'Classification', 'Unsupervised', 'OtherCategory'];
const SENSORS = ['', 'Microphone', 'Camera', 'Accelerometer', 'Gyroscope', 'Magnetometer', 'Thermometer', 'Hygrometer', 'Barometer', 'LightSensor'];

interface CardFields {
  description: string;
  category: string;
  accuracy: string;
  dataset: string;
  sensor: string;
  creator: string;
}

// crypto.randomUUID exists only in secure contexts (https, localhost); a
// server reached over plain http on a LAN address still needs identifiers.
function uuid4(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const EMPTY: CardFields = { description: '', category: '', accuracy: '', dataset: '', sensor: '', creator: '' };

// A model card (kg/model_card.h) from the form; null when the form is empty,
// so the server names the model by the file's content instead.
function card(name: string, f: CardFields): string | null {
  if (!Object.values(f).some((v) => v.trim())) return null;
  const body: Record<string, unknown> = { name, identifier: uuid4() };
  if (f.description.trim()) body.description = f.description.trim();
  if (f.category) body.category = f.category;
  if (f.accuracy.trim()) body.metric = { type: 'Top_1_accuracy', value: Number(f.accuracy) / 100 };
  if (f.dataset.trim()) body.dataset = f.dataset.trim();
  if (f.sensor) body.input = { sensors: [{ type: f.sensor }] };
  if (f.creator.trim()) body.creator = f.creator.trim();
  return JSON.stringify(body);
}

export function UploadModel({ onUploaded }: { onUploaded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [fields, setFields] = useState<CardFields>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ identifier: string; name: string } | null>(null);
  const field = (key: keyof CardFields) => (e: Event) =>
    setFields({ ...fields, [key]: (e.currentTarget as HTMLInputElement).value });
  const chooseFile = (f: File) => {
    setFile(f);
    if (!name) setName(f.name.replace(/\.tflite$/i, ''));
  };
  const accuracyBad = fields.accuracy.trim() !== '' && !(Number(fields.accuracy) >= 0 && Number(fields.accuracy) <= 100);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setDone(null);
    const form = new FormData();
    form.append('model', file, file.name);
    form.append('name', name.trim() || file.name.replace(/\.tflite$/i, ''));
    const cardJson = card(name.trim(), fields);
    if (cardJson) form.append('card', cardJson);
    try {
      const r = await api.uploadModel(form);
      setDone(r);
      setFile(null);
      setName('');
      setFields(EMPTY);
      onUploaded();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details class="panel" open>
      <summary>Upload a model</summary>
      <form data-testid="model-upload" onSubmit={submit}>
        <DropZone accept=".tflite" label="Drop a .tflite file here, or click to choose" file={file} onFile={chooseFile} testId="model-drop" />
        <div class="grid-form">
          <label>Name <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} /></label>
          <label>Description <input name="description" value={fields.description} onInput={field('description')} /></label>
          <label>
            Category{' '}
            <select name="category" value={fields.category} onChange={field('category')}>
              {CATEGORIES.map((c) => <option key={c} value={c}>{c || '—'}</option>)}
            </select>
          </label>
          <label>
            Top-1 accuracy (%) <input name="accuracy" type="number" min="0" max="100" step="0.1" value={fields.accuracy} onInput={field('accuracy')} />
          </label>
          <label>Training data set (IRI) <input name="dataset" type="url" value={fields.dataset} onInput={field('dataset')} /></label>
          <label>
            Input sensor{' '}
            <select name="sensor" value={fields.sensor} onChange={field('sensor')}>
              {SENSORS.map((s) => <option key={s} value={s}>{s || '—'}</option>)}
            </select>
          </label>
          <label>Creator <input name="creator" value={fields.creator} onInput={field('creator')} /></label>
        </div>
        {accuracyBad && <ErrorBox error="Accuracy is a percentage between 0 and 100." />}
        <button type="submit" class="primary" disabled={!file || busy || accuracyBad}>
          {busy ? 'Uploading…' : 'Upload model'}
        </button>
      </form>
      {error && <ErrorBox error={`The model was not added: ${error}`} />}
      {done && (
        <Success>
          Added <a href={href(['models', done.identifier])}>{done.name}</a> (<code>{done.identifier}</code>).
        </Success>
      )}
    </details>
  );
}
