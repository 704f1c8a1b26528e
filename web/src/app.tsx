// The shell: navigation, the page for the current route, the token dialog,
// and an error boundary so that a failing page shows why instead of nothing.
import { Component, type ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ErrorBox } from './components/Notice';
import { TokenDialog } from './components/TokenDialog';
import { CampaignPage, Deployments } from './pages/Deployments';
import { DevicePage } from './pages/DevicePage';
import { Devices } from './pages/Devices';
import { FitModels } from './pages/FitModels';
import { Graph } from './pages/Graph';
import { ModelPage } from './pages/ModelPage';
import { Models } from './pages/Models';
import { Query } from './pages/Query';
import { href, useRoute, type Route } from './router';
import { forgetToken, storedToken } from './token';

const NAV: [string, string][] = [
  ['fit', 'Fitting models'],
  ['devices', 'Devices'],
  ['models', 'Models'],
  ['query', 'Query'],
  ['graph', 'Graph'],
  ['deployments', 'Deployments'],
];

function page({ parts, params }: Route) {
  const [section = 'fit', id] = parts;
  switch (section) {
    case 'fit':
      return <FitModels key={params.get('device') ?? ''} device={params.get('device') ?? ''} />;
    case 'devices':
      return id ? <DevicePage iri={id} /> : <Devices />;
    case 'models':
      return id ? <ModelPage identifier={id} /> : <Models />;
    case 'query':
      return <Query />;
    case 'graph':
      return <Graph />;
    case 'deployments':
      return id ? <CampaignPage id={id} /> : <Deployments />;
    default:
      return <ErrorBox error={`There is no page "${section}".`} />;
  }
}

class PageBoundary extends Component<{ children: ComponentChildren; route: string }, { error: Error | null }> {
  state = { error: null as Error | null };
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  componentDidUpdate(previous: { route: string }) {
    if (previous.route !== this.props.route && this.state.error) this.setState({ error: null });
  }
  render() {
    if (this.state.error) {
      return <ErrorBox error={`This page failed: ${this.state.error.message}`} onRetry={() => this.setState({ error: null })} />;
    }
    return this.props.children;
  }
}

function TokenStatus() {
  const [, redraw] = useState(0);
  if (!storedToken()) return <span class="token-state">read-only</span>;
  return (
    <button
      type="button"
      class="link token-state"
      title="Forget the write token kept for this tab"
      onClick={() => {
        forgetToken();
        redraw((n) => n + 1);
      }}
    >
      token set · forget
    </button>
  );
}

export function App() {
  const route = useRoute();
  const section = route.parts[0] ?? 'fit';
  const key = location.hash;
  return (
    <>
      <header class="top">
        <a class="brand" href="#/">tinykg</a>
        <nav aria-label="Main">
          {NAV.map(([id, label]) => (
            <a key={id} href={href([id])} class={section === id ? 'active' : ''} aria-current={section === id ? 'page' : undefined}>
              {label}
            </a>
          ))}
        </nav>
        <TokenStatus key={key} />
      </header>
      <main>
        <PageBoundary route={key}>{page(route)}</PageBoundary>
      </main>
      <TokenDialog />
    </>
  );
}
