// One device: its sensors, memory, deploy target and the models that fit it.
import { api, type NodeJson } from '../api';
import { deviceMemory } from '../catalog';
import { ErrorBox, Loading } from '../components/Notice';
import { kb, localName, text } from '../format';
import { useLoad } from '../hooks';
import { href } from '../router';

function types(node: NodeJson): string[] {
  const t = node.type;
  return (Array.isArray(t) ? t : t ? [t] : []).map((x) => localName(String(x)));
}

export function DevicePage({ iri }: { iri: string }) {
  const device = useLoad(() => Promise.all([api.device(iri), deviceMemory(iri)]), [iri]);
  if (device.error) return <ErrorBox error={device.error} onRetry={device.reload} />;
  if (!device.data) return <Loading what="the device" />;
  const [detail, memory] = device.data;
  const title = text(detail.properties.title) || localName(iri);
  const sensors = detail.parts.filter((p) => !types(p).includes('MicroController'));
  return (
    <section>
      <p class="crumbs">
        <a href={href(['devices'])}>Devices</a> /
      </p>
      <h1>{title}</h1>
      <p class="iri">{iri}</p>
      {detail.properties.description != null && <p>{text(detail.properties.description)}</p>}
      <div class="cards">
        <div class="card">
          <h3>Memory</h3>
          <p>Free RAM: <strong data-testid="device-ram">{kb(memory?.ram_kb)}</strong></p>
          <p>Free Flash: <strong data-testid="device-flash">{kb(memory?.flash_kb)}</strong></p>
        </div>
        <div class="card">
          <h3>Sensors</h3>
          {sensors.length === 0 ? (
            <p>No sensors described.</p>
          ) : (
            <ul>
              {sensors.map((s) => (
                <li key={String(s.iri)}>
                  {text(s.label) || types(s).filter((t) => t !== 'Sensor').join(', ') || localName(String(s.iri))}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <p>
        <a class="button primary" href={href(['fit'], { device: iri })}>
          Show the models that fit this device
        </a>
      </p>
    </section>
  );
}
