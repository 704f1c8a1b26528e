// Starts a deployment campaign for one model: to the chosen device, or to
// every device the model fits (the server picks them, contracts §3).
import { useState } from 'preact/hooks';
import { api, type MatchedModel } from '../api';
import { ErrorBox } from '../components/Notice';
import { localName } from '../format';
import { useLoad } from '../hooks';
import { navigate } from '../router';

export function DeployDialog({ model, device, onClose }: { model: MatchedModel; device: string; onClose: () => void }) {
  const [target, setTarget] = useState<'device' | 'fitting'>('fitting');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fleet = useLoad(() => api.fittingDevices(model.uuid), [model.uuid]);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const campaign = await api.deploy(model.uuid, target === 'fitting' ? 'fitting' : [device]);
      if (campaign) navigate(['deployments', campaign.id]);
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };
  return (
    <div class="modal-backdrop">
      <div class="modal" role="dialog" aria-labelledby="deploy-title">
        <h2 id="deploy-title">Deploy {model.name}</h2>
        <label class="check">
          <input type="radio" name="target" checked={target === 'fitting'} onChange={() => setTarget('fitting')} />
          Every device the model fits
          {fleet.data && ` (${fleet.data.items.length.toLocaleString('en')} devices)`}
        </label>
        <label class="check">
          <input type="radio" name="target" checked={target === 'device'} onChange={() => setTarget('device')} />
          Only {localName(device)}
        </label>
        {fleet.error && <ErrorBox error={`Cannot count the fitting devices: ${fleet.error.message}`} />}
        {error && <ErrorBox error={`The deployment did not start: ${error}`} />}
        <div class="actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" class="primary" disabled={busy} onClick={start}>
            Start deployment
          </button>
        </div>
      </div>
    </div>
  );
}
