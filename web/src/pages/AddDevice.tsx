// Adding a device: upload its description (a Thing Description as JSON, or
// Turtle / N-Triples), or fill a form from which the UI writes the Turtle.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { DropZone } from '../components/DropZone';
import { ErrorBox, Success } from '../components/Notice';
import { href } from '../router';

const SENSOR_KINDS = ['Accelerometer', 'Gyroscope', 'Magnetometer', 'Microphone', 'Camera', 'Thermometer', 'Hygrometer', 'Barometer', 'LightSensor'];

function contentTypeOf(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.nt')) return 'application/n-triples';
  if (name.endsWith('.ttl')) return 'text/turtle';
  return 'application/td+json'; // .json, .jsonld, .td.json
}

function slug(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function turtleString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

// The shape of data/reference/devices/*.ttl: sensors and an MCU with free
// RAM and Flash in kB, every node below the board's IRI.
export function deviceTurtle(name: string, sensors: string[], ramKb: number, flashKb: number): { iri: string; turtle: string } {
  const iri = `http://tinykg.dev/devices/${slug(name)}`;
  const sensorLines = sensors.map((s) => `<${iri}/sensor/${s.toLowerCase()}> a sox:${s}, sosa:Sensor .`);
  const parts = [...sensors.map((s) => `<${iri}/sensor/${s.toLowerCase()}>`), `<${iri}/mcu>`];
  return {
    iri,
    turtle: `@prefix s3n: <http://w3id.org/s3n/> .
@prefix ssn: <http://www.w3.org/ns/ssn/> .
@prefix sys: <http://www.w3.org/ns/ssn/systems/> .
@prefix sosa: <http://www.w3.org/ns/sosa/> .
@prefix sox: <http://tinyml-schema.org/sosa_extend/> .
@prefix s3x: <http://tinyml-schema.org/s3n_extend/> .
@prefix schema: <https://schema.org/> .
@prefix om: <http://www.ontology-of-units-of-measure.org/resource/om-2/> .
@prefix td: <https://www.w3.org/2019/wot/td#> .

<${iri}> a s3n:SmartSensor, td:Thing ;
  td:title ${turtleString(name.trim())} ;
  ssn:hasSubSystem ${parts.join(', ')} .
${sensorLines.join('\n')}
<${iri}/mcu> a s3n:MicroController ; s3n:hasSystemCapability <${iri}/mcu/capability> .
<${iri}/mcu/capability> a sys:SystemCapability ;
  sys:hasSystemProperty <${iri}/mcu/ram>, <${iri}/mcu/flash> .
<${iri}/mcu/ram> a s3x:RAM, s3n:Memory ; schema:value ${Math.round(ramKb)} ; schema:unitCode om:kilobyte .
<${iri}/mcu/flash> a s3x:Flash, s3n:Memory ; schema:value ${Math.round(flashKb)} ; schema:unitCode om:kilobyte .
`,
  };
}

export function AddDevice({ onAdded }: { onAdded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const [sensors, setSensors] = useState<string[]>([]);
  const [ram, setRam] = useState('');
  const [flash, setFlash] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<{ text: string; iri?: string } | null>(null);

  const submit = async (body: string, type: string, iri?: string) => {
    setBusy(true);
    setError(null);
    setAdded(null);
    try {
      const r = await api.addDevice(body, type);
      // A Thing Description names its device (or the server assigns an id).
      setAdded({ text: `Device added (${r?.quads_added ?? 0} statements).`, iri: r?.device ?? iri });
      onAdded();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const formReady = name.trim() && Number(ram) > 0 && Number(flash) > 0;
  return (
    <details class="panel" open={false}>
      <summary>Add a device</summary>
      <div class="two-col">
        <form
          data-testid="device-upload"
          onSubmit={async (e) => {
            e.preventDefault();
            if (file) await submit(await file.text(), contentTypeOf(file));
          }}
        >
          <h3>Upload a description</h3>
          <DropZone
            accept=".json,.jsonld,.ttl,.nt"
            label="Drop a Thing Description (.json) or Turtle (.ttl) here, or click to choose"
            file={file}
            onFile={setFile}
            testId="device-drop"
          />
          <button type="submit" class="primary" disabled={!file || busy}>
            Upload
          </button>
        </form>
        <form
          data-testid="device-form"
          onSubmit={async (e) => {
            e.preventDefault();
            const d = deviceTurtle(name, sensors, Number(ram), Number(flash));
            await submit(d.turtle, 'text/turtle', d.iri);
          }}
        >
          <h3>Or describe it</h3>
          <label>
            Name <input required value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label>
            Free RAM (kB) <input required type="number" min="1" value={ram} onInput={(e) => setRam(e.currentTarget.value)} />
          </label>
          <label>
            Free Flash (kB) <input required type="number" min="1" value={flash} onInput={(e) => setFlash(e.currentTarget.value)} />
          </label>
          <fieldset class="chips">
            <legend>Sensors</legend>
            {SENSOR_KINDS.map((k) => (
              <label key={k} class="check">
                <input
                  type="checkbox"
                  checked={sensors.includes(k)}
                  onChange={() => setSensors((s) => (s.includes(k) ? s.filter((x) => x !== k) : [...s, k]))}
                />
                {k}
              </label>
            ))}
          </fieldset>
          <button type="submit" class="primary" disabled={!formReady || busy}>
            Add device
          </button>
        </form>
      </div>
      {error && <ErrorBox error={`The device was not added: ${error}`} />}
      {added && (
        <Success>
          {added.text} {added.iri && <a href={href(['devices', added.iri])}>Open it</a>}
        </Success>
      )}
    </details>
  );
}
