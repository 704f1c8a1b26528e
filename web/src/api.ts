// Every call the UI makes to the tinykg server. Errors come back as
// application/problem+json (RFC 9457); they become ApiError with the
// server's one-line `detail`, so every page can show what went wrong.
import { authorizedFetch } from './token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
  ) {
    super(detail);
  }
}

async function failure(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const problem = JSON.parse(text) as { detail?: string; title?: string };
    return new ApiError(res.status, problem.detail || problem.title || `HTTP ${res.status}`);
  } catch {
    return new ApiError(res.status, text.trim() || `HTTP ${res.status} ${res.statusText}`);
  }
}

async function request(path: string, init: RequestInit = {}, write = false): Promise<Response> {
  let res: Response;
  try {
    res = write ? await authorizedFetch(path, init) : await fetch(path, init);
  } catch (e) {
    throw new ApiError(0, `cannot reach the tinykg server (${(e as Error).message})`);
  }
  if (!res.ok) throw await failure(res);
  return res;
}

export async function getJson<T>(path: string): Promise<T> {
  const res = await request(path, { headers: { Accept: 'application/json' } });
  return (await res.json()) as T;
}

// A write (POST/DELETE): asks for the token when the session has none.
export async function write<T>(
  method: string,
  path: string,
  body?: BodyInit,
  contentType?: string,
): Promise<T | null> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (contentType) headers['Content-Type'] = contentType;
  const res = await request(path, { method, body, headers }, true);
  const text = await res.text();
  return text ? (JSON.parse(text) as T) : null;
}

// ---- shapes of the JSON API (docs/server.md, contracts §3 and §4) ----

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface ModelSummary {
  identifier: string;
  name: string;
  iri: string;
  macs: number;
  ram_kb: number;
  flash_kb: number;
}

export type NodeJson = Record<string, unknown>;

export interface ModelDetail {
  identifier: string;
  iri: string;
  name: string | null;
  properties: NodeJson;
  estimates: { RAM?: NodeJson; Flash?: NodeJson };
  layers: NodeJson[];
}

export interface DeviceDetail {
  iri: string;
  properties: NodeJson;
  parts: NodeJson[];
}

export interface Stats {
  quads: number;
  models: number;
  devices: number;
}

export interface MatchedModel {
  uuid: string;
  name: string;
  iri: string;
  category: string | null;
  accuracy: number | null;
  macs: number | null;
  ram_kb: number | null;
  flash_kb: number | null;
  latency_ms: number | null;
  energy_mj: number | null;
  fits: boolean | null;
  reasons?: string[];
}

export interface MatchedDevice {
  iri: string;
  name: string | null;
  ram_kb: number | null;
  flash_kb: number | null;
  sensors: string[];
  latency_ms: number | null;
  fits: boolean | null;
  reasons?: string[];
}

export interface DeviceProgress {
  iri: string;
  status: 'pending' | 'sending' | 'confirmed' | 'failed' | 'refused';
  attempts: number;
  error: string | null;
}

export interface Campaign {
  id: string;
  model: string;
  model_name: string;
  sha256: string;
  status: 'running' | 'paused' | 'completed' | 'failed' | 'cancelled';
  total: number;
  confirmed: number;
  failed: number;
  refused: number;
  pending: number;
  progress: number;
  waves: { index: number; size: number; confirmed: number; failed: number }[];
  devices: DeviceProgress[];
  created: string;
  finished: string | null;
}

export const api = {
  stats: () => getJson<Stats>('/api/stats'),
  models: (query = '') => getJson<Page<ModelSummary>>(`/api/models${query}`),
  model: (id: string) => getJson<ModelDetail>(`/api/models/${encodeURIComponent(id)}`),
  device: (iri: string) => getJson<DeviceDetail>(`/api/devices/${encodeURIComponent(iri)}`),
  // With `refused`, also the models that do not fit, each with its reasons.
  fittingModels: (device: string, refused = true) =>
    getJson<{ device: string; items: MatchedModel[] }>(
      `/api/match/models?device=${encodeURIComponent(device)}` + (refused ? '&reasons=true&include=all' : '&include=fits'),
    ),
  fittingDevices: (model: string) =>
    getJson<{ model: string; items: MatchedDevice[] }>(
      `/api/match/devices?model=${encodeURIComponent(model)}&include=fits`,
    ),
  deleteModel: (id: string) => write<null>('DELETE', `/api/models/${encodeURIComponent(id)}`),
  uploadModel: (form: FormData) => write<{ identifier: string; name: string }>('POST', '/api/models', form),
  addDevice: (text: string, contentType: string) =>
    write<{ quads_added: number; device?: string }>('POST', '/api/devices', text, contentType),
  campaigns: () => getJson<{ items: Campaign[] }>('/api/deployments'),
  campaign: (id: string) => getJson<Campaign>(`/api/deployments/${encodeURIComponent(id)}`),
  // To the listed devices, or to every device the model fits.
  deploy: (model: string, devices: string[] | 'fitting') =>
    write<{ id: string; href: string }>(
      'POST',
      '/api/deployments',
      JSON.stringify(devices === 'fitting' ? { model, target: 'fitting' } : { model, devices }),
      'application/json',
    ),
  campaignAction: (id: string, action: 'pause' | 'resume' | 'cancel' | 'retry') =>
    write<Campaign>('POST', `/api/deployments/${encodeURIComponent(id)}/${action}`),
};
