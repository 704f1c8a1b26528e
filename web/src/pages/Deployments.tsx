// Deployment campaigns: the list, and one campaign's live progress per wave
// and device (Server-Sent Events), with pause/resume/cancel/retry and the
// final report.
import { useEffect, useState } from 'preact/hooks';
import { api, type Campaign, type DeviceProgress } from '../api';
import { Empty, ErrorBox, Loading } from '../components/Notice';
import { SortableTable, type Column } from '../components/Table';
import { download, localName } from '../format';
import { useLoad } from '../hooks';
import { href } from '../router';

const FINISHED = new Set(['completed', 'failed', 'cancelled']);

function ProgressBar({ value }: { value: number }) {
  const pct = Math.round(Math.max(0, Math.min(1, value)) * 100);
  return (
    <div class="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}>
      <div class="progress-fill" style={{ width: `${pct}%` }} />
      <span class="progress-text" data-testid="progress-text">{pct} %</span>
    </div>
  );
}

const listColumns: Column<Campaign>[] = [
  { key: 'id', label: 'Campaign', value: (c) => c.id, render: (c) => <a href={href(['deployments', c.id])}>{c.id}</a> },
  { key: 'model', label: 'Model', value: (c) => c.model_name || c.model },
  { key: 'status', label: 'Status', value: (c) => c.status, render: (c) => <span class={`status ${c.status}`}>{c.status}</span> },
  { key: 'progress', label: 'Progress', value: (c) => c.progress, render: (c) => `${Math.round(c.progress * 100)} %`, numeric: true },
  { key: 'total', label: 'Devices', value: (c) => c.total, numeric: true },
  { key: 'created', label: 'Started', value: (c) => c.created },
];

export function Deployments() {
  const list = useLoad(api.campaigns, []);
  return (
    <section>
      <h1>Deployments</h1>
      <p class="hint">
        Start a deployment from <a href={href(['fit'])}>Fitting models</a>: pick a device, select a model, press Deploy.
      </p>
      {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
      {list.loading && <Loading what="deployments" />}
      {list.data && list.data.items.length === 0 && <Empty>No deployment yet.</Empty>}
      {list.data && list.data.items.length > 0 && (
        <SortableTable
          columns={listColumns}
          rows={list.data.items}
          rowKey={(c) => c.id}
          initialSort={{ key: 'created', descending: true }}
        />
      )}
    </section>
  );
}

const deviceColumns: Column<DeviceProgress>[] = [
  { key: 'device', label: 'Device', value: (d) => localName(d.iri), render: (d) => <a href={href(['devices', d.iri])}>{localName(d.iri)}</a> },
  { key: 'status', label: 'Status', value: (d) => d.status, render: (d) => <span class={`status ${d.status}`}>{d.status}</span> },
  { key: 'attempts', label: 'Attempts', value: (d) => d.attempts, numeric: true },
  { key: 'error', label: 'Error', value: (d) => d.error ?? '' },
];

// The campaign as the server last reported it: SSE while it runs; when the
// stream breaks (proxy, closed reads) a poll every second instead.
function useCampaign(id: string) {
  const first = useLoad(() => api.campaign(id), [id]);
  const [live, setLive] = useState<Campaign | null>(null);
  const [streamError, setStreamError] = useState<string | null>(null);
  useEffect(() => {
    setLive(null);
    let poll: ReturnType<typeof setInterval> | undefined;
    const source = new EventSource(`/api/deployments/${encodeURIComponent(id)}/events`);
    const update = (e: MessageEvent) => {
      try {
        setLive(JSON.parse(e.data) as Campaign);
      } catch {
        /* a keep-alive or partial event: the next one carries the state */
      }
    };
    source.addEventListener('progress', update);
    source.addEventListener('done', (e) => {
      update(e as MessageEvent);
      source.close();
    });
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) return; // the browser reconnects by itself
      poll = setInterval(() => {
        api.campaign(id).then(
          (c) => {
            setLive(c);
            setStreamError(null);
            if (FINISHED.has(c.status)) clearInterval(poll);
          },
          (err: Error) => setStreamError(err.message),
        );
      }, 1000);
    };
    return () => {
      source.close();
      clearInterval(poll);
    };
  }, [id]);
  return { campaign: live ?? first.data, error: first.error, streamError, reload: first.reload, setLive };
}

export function CampaignPage({ id }: { id: string }) {
  const { campaign, error, streamError, reload, setLive } = useCampaign(id);
  const [actionError, setActionError] = useState<string | null>(null);
  if (error && !campaign) return <ErrorBox error={error} onRetry={reload} />;
  if (!campaign) return <Loading what="the deployment" />;
  const finished = FINISHED.has(campaign.status);
  const act = async (action: 'pause' | 'resume' | 'cancel' | 'retry') => {
    setActionError(null);
    try {
      const c = await api.campaignAction(id, action);
      if (c) setLive(c);
      if (action === 'retry') reload();
    } catch (e) {
      setActionError((e as Error).message);
    }
  };
  return (
    <section>
      <p class="crumbs">
        <a href={href(['deployments'])}>Deployments</a> /
      </p>
      <h1>
        Deploying {campaign.model_name || campaign.model}{' '}
        <span class={`status ${campaign.status}`} data-testid="campaign-status">{campaign.status}</span>
      </h1>
      <ProgressBar value={campaign.progress} />
      <p class="count" data-testid="campaign-counts">
        {campaign.confirmed} confirmed · {campaign.failed} failed · {campaign.refused} refused · {campaign.pending} pending
        of {campaign.total}
      </p>
      <div class="buttons">
        {campaign.status === 'running' && <button type="button" onClick={() => act('pause')}>Pause</button>}
        {campaign.status === 'paused' && <button type="button" onClick={() => act('resume')}>Resume</button>}
        {!finished && <button type="button" class="danger" onClick={() => act('cancel')}>Cancel</button>}
        {finished && campaign.failed > 0 && <button type="button" onClick={() => act('retry')}>Retry failed</button>}
        {finished && (
          <button
            type="button"
            onClick={() => download(`deployment-${campaign.id}.json`, JSON.stringify(campaign, null, 2), 'application/json')}
          >
            Download report
          </button>
        )}
      </div>
      {actionError && <ErrorBox error={actionError} />}
      {streamError && <ErrorBox error={`Live updates stopped: ${streamError}`} />}
      {finished && (
        <div class="card report" data-testid="campaign-report">
          <h3>Report</h3>
          <p>
            {campaign.status === 'completed' ? 'Finished' : `Ended (${campaign.status})`}
            {campaign.finished && ` at ${campaign.finished}`}: {campaign.confirmed} of {campaign.total} devices run{' '}
            {campaign.model_name || campaign.model}
            {campaign.sha256 && <> (SHA-256 <code>{campaign.sha256.slice(0, 16)}…</code>)</>}.
          </p>
        </div>
      )}
      <h2>Waves</h2>
      <div class="table-scroll">
        <table>
          <thead>
            <tr><th>Wave</th><th class="num">Devices</th><th class="num">Confirmed</th><th class="num">Failed</th></tr>
          </thead>
          <tbody>
            {campaign.waves.map((w) => (
              <tr key={w.index}>
                <td>{w.index}</td><td class="num">{w.size}</td><td class="num">{w.confirmed}</td><td class="num">{w.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Devices</h2>
      <SortableTable columns={deviceColumns} rows={campaign.devices} rowKey={(d) => d.iri} initialSort={{ key: 'status', descending: false }} />
    </section>
  );
}
