// The agent console (issue 14): Preact + htm, served by the gateway at /console, no build-time bundler.
import { h, render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import htm from 'htm';
import { forgetRole, run, runView, type GqlError, type GqlResult, type SourceReport } from './api.js';
import type { Customer, LookupResult, Ref, TimelineEvent, TimelinePage } from './types.js';

const html = htm.bind(h);
const CREDENTIAL_KEY = 'c360.console.credential';

interface Pending {
  readonly title: string;
  readonly detail: string;
  readonly action: (reason: string) => Promise<void>;
}

/** Render timing of the last 360 view, for the browser test (ms from parsed answer to painted view). */
declare global {
  interface Window {
    c360Render?: { answeredAt: number; renderedAt: number; ms: number; operation: string };
  }
}

const refText = (r: Ref): string => `${r.source}/${r.id}`;
/** Just the `SourceRecordInput` fields of a ref (links and candidates carry more). */
const refInput = (r: Ref): Ref => ({ source: r.source, id: r.id });

function problemsOf(result: GqlResult<unknown>): string[] {
  const lines: string[] = [];
  const failed = new Map<string, string>();
  for (const report of result.sources) if (report.status !== 'OK') failed.set(report.source, describeStatus(report));
  for (const error of result.errors) {
    const source = error.extensions?.source;
    const path = error.path?.filter((p) => typeof p === 'string').join('.') ?? '';
    if (typeof source === 'string') failed.set(source, `${failed.get(source) ?? error.extensions?.code ?? 'failed'}${path ? `; missing: ${path}` : ''}`);
  }
  for (const [source, what] of failed) lines.push(`Source ${source}: ${what}`);
  return lines;
}

function describeStatus(report: SourceReport): string {
  if (report.status === 'STALE') return `failing (${report.errorCode ?? 'error'}); showing cached values${report.staleAgeMs !== undefined ? ` ${Math.round(report.staleAgeMs / 1000)} s old` : ''} (stale)`;
  return `${report.status}${report.errorCode ? ` (${report.errorCode})` : ''}: its data is missing from this view`;
}

function otherErrors(errors: readonly GqlError[]): string[] {
  return errors.filter((e) => typeof e.extensions?.source !== 'string').map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}${e.path ? ` (${e.path.join('.')})` : ''}`);
}

function SignIn(props: { onSignIn: (credential: string) => void; error: string | null }) {
  const [value, setValue] = useState('');
  return html`<main class="signin">
    <h1>c360 agent console</h1>
    <form onSubmit=${(e: Event) => { e.preventDefault(); if (value.trim()) props.onSignIn(value.trim()); }}>
      <label for="credential">API key or JWT</label>
      <input id="credential" name="credential" type="password" autocomplete="off" value=${value} onInput=${(e: Event) => setValue((e.target as HTMLInputElement).value)} />
      <button type="submit">Sign in</button>
    </form>
    ${props.error ? html`<p class="error" role="alert">${props.error}</p>` : null}
  </main>`;
}

function Badge(props: { source: string }) {
  return html`<span class=${`badge src-${props.source.replace(/[^\w-]/g, '')}`}>${props.source}</span>`;
}

function Sources(props: { refs: readonly Ref[] }) {
  return html`${props.refs.map((r) => html`<${Badge} source=${r.source} />`)}`;
}

function Freshness(props: { provenance: { fetchedAt: string; fromCache: boolean; stale: boolean; ageMs: number | null } | null | undefined }) {
  const p = props.provenance;
  if (!p) return null;
  if (p.stale) return html`<span class="stale" title=${`fetched ${p.fetchedAt}`}>stale${p.ageMs !== null ? ` (${Math.round(p.ageMs / 1000)} s)` : ''}</span>`;
  return html`<span class="fresh" title=${`fetched ${p.fetchedAt}`}>${p.fromCache ? 'cached' : 'live'}</span>`;
}

function Section(props: { title: string; children?: unknown; id?: string }) {
  return html`<section class="card" aria-labelledby=${`h-${props.id ?? props.title}`}><h2 id=${`h-${props.id ?? props.title}`}>${props.title}</h2>${props.children}</section>`;
}

function money(m: { amount: string; currencyCode: string } | null | undefined): string {
  return m ? `${m.amount} ${m.currencyCode}` : '—';
}

function View(props: { customer: Customer; credential: string; onChanged: (c: Customer | null, note: string) => void; confirm: (p: Pending) => void; report: (r: GqlResult<unknown>) => void }) {
  const c = props.customer;
  const [events, setEvents] = useState<TimelinePage>(c.timeline);
  useEffect(() => setEvents(c.timeline), [c]);
  const loadMore = async () => {
    const result = await run<{ customer: { timeline: TimelinePage } | null }>('ConsoleTimeline', { id: c.id, after: events.pageInfo.endCursor }, props.credential);
    props.report(result);
    const page = result.data?.customer?.timeline;
    if (page) setEvents({ ...page, nodes: [...events.nodes, ...page.nodes] });
  };
  const anchor = c.identity.anchor;
  const link = (b: Ref) =>
    props.confirm({
      title: `Link ${refText(b)} to this customer?`,
      detail: `Asserts that ${refText(b)} is the same person as ${refText(anchor)}. Every later query honours it.`,
      action: async (reason) => {
        const r = await runView<{ linkRecords: { customer: Customer | null } }>('ConsoleLink', { a: refInput(anchor), b: refInput(b), reason }, props.credential);
        props.report(r);
        if (r.data?.linkRecords) props.onChanged(r.data.linkRecords.customer, `Linked ${refText(b)}`);
      },
    });
  const unlink = (b: Ref, a: Ref) =>
    props.confirm({
      title: `Unlink ${refText(b)}?`,
      detail: `Asserts that ${refText(b)} and ${refText(a)} are different people.`,
      action: async (reason) => {
        const r = await runView<{ unlinkRecords: { customer: Customer | null } }>('ConsoleUnlink', { a: refInput(a), b: refInput(b), reason }, props.credential);
        props.report(r);
        if (r.data?.unlinkRecords) props.onChanged(r.data.unlinkRecords.customer, `Unlinked ${refText(b)}`);
      },
    });
  const suppress = () =>
    props.confirm({
      title: 'Suppress this person?',
      detail: 'Every record of this customer stops resolving (erasure). This is audited.',
      action: async (reason) => {
        const r = await run<{ suppressPerson: { id: string } }>('ConsoleSuppress', { id: c.id, reason }, props.credential);
        props.report(r);
        if (r.data?.suppressPerson) props.onChanged(null, 'Suppressed');
      },
    });
  const quality = c.dataQuality?.completeness ?? null;
  return html`<article class="view" aria-label="Customer 360">
    <header class="who">
      <h2 id="customer-name">${c.displayName ?? '(no name)'}</h2>
      <p class="ids">Customer <code>${c.id}</code> · records ${c.identity.links.map((l) => html`<${Badge} source=${l.source} /> <code>${l.id}</code> `)}</p>
      ${c.journeyStage ? html`<p class="journey">Journey stage <strong>${c.journeyStage.stage}</strong> <span class="reason">${c.journeyStage.reason}</span></p>` : null}
      ${c.segments ? html`<ul class="segments" aria-label="Segments">${c.segments.map((s) => html`<li><strong>${s.name}</strong> <span class="reason">${s.reason}</span></li>`)}</ul>` : html`<p class="muted">Segments not available to this role.</p>`}
    </header>
    <div class="grid">
      <${Section} title="Contact points" id="contact">
        <ul class="points">
          ${c.emails.map((e) => html`<li class=${e.primary ? 'primary' : ''}><span class="label">Email</span> <span class="value">${e.value}</span> <${Sources} refs=${e.sources} /> ${e.primary ? html`<${Freshness} provenance=${c.profile?.email?.chosen?.provenance} />` : null}</li>`)}
          ${c.phones.map((p) => html`<li class=${p.primary ? 'primary' : ''}><span class="label">Phone</span> <span class="value">${p.value}</span> <${Sources} refs=${p.sources} /> ${p.primary ? html`<${Freshness} provenance=${c.profile?.phone?.chosen?.provenance} />` : null}</li>`)}
          ${c.addresses.map((a) => html`<li class=${a.primary ? 'primary' : ''}><span class="label">Address</span> <span class="value">${[a.line1, a.city, a.region, a.postcode, a.country].filter(Boolean).join(', ')}</span> <${Sources} refs=${a.sources} /> ${a.primary ? html`<${Freshness} provenance=${c.profile?.address?.chosen?.provenance} />` : null}</li>`)}
        </ul>
      <//>
      <${Section} title="Consent" id="consent">
        ${c.consent
          ? html`<table><thead><tr><th scope="col">Channel</th><th scope="col">Status</th><th scope="col">Source</th></tr></thead><tbody>
              ${c.consent.map((k) => html`<tr><td>${k.channel}</td><td class=${k.allowed ? 'ok' : 'no'}>${k.status}</td><td>${k.source ? html`<${Badge} source=${k.source} />` : '—'}</td></tr>`)}
            </tbody></table>`
          : html`<p class="muted">Consent not available to this role.</p>`}
      <//>
      <${Section} title="Data quality" id="quality">
        ${quality !== null
          ? html`<meter id="quality-meter" min="0" max="100" low="50" high="80" optimum="100" value=${quality} aria-label="Completeness">${quality}%</meter>
              <p>${quality.toFixed(0)}% complete (${c.dataQuality!.present.length} of ${c.dataQuality!.expected.length} data points); ${c.dataQuality!.conflicts.length} conflict(s)${c.dataQuality!.conflicts.length ? ` (${c.dataQuality!.conflicts.map((k) => k.field).join(', ')})` : ''}; ${c.dataQuality!.freshness.staleValues} stale value(s)</p>
              ${c.dataQuality!.missing.length ? html`<p class="muted">Missing: ${c.dataQuality!.missing.join(', ')}</p>` : null}`
          : html`<p class="muted">Unavailable.</p>`}
      <//>
      <${Section} title=${`Orders (${c.orders?.totalCount ?? 0})`} id="orders">
        ${c.orders ? html`<table><thead><tr><th scope="col">Order</th><th scope="col">Date</th><th scope="col">Status</th><th scope="col">Total</th></tr></thead><tbody>
          ${c.orders.nodes.map((o) => html`<tr><td>${o.number} <${Badge} source=${o.source} /></td><td>${o.createdAt.slice(0, 10)}</td><td>${o.financialStatus ?? ''} ${o.fulfillmentStatus ?? ''}</td><td>${money(o.total)}</td></tr>`)}
        </tbody></table>` : html`<p class="muted">Unavailable.</p>`}
      <//>
      <${Section} title=${`Tickets and cases (${c.tickets?.totalCount ?? 0})`} id="tickets">
        ${c.tickets ? html`<table><thead><tr><th scope="col">Number</th><th scope="col">Subject</th><th scope="col">Status</th></tr></thead><tbody>
          ${c.tickets.nodes.map((t) => html`<tr><td>${t.kind} ${t.number} <${Badge} source=${t.source} /></td><td>${t.subject ?? ''}</td><td>${t.status}</td></tr>`)}
        </tbody></table>` : html`<p class="muted">Unavailable.</p>`}
      <//>
    </div>
    <${Section} title=${`Timeline (${events.nodes.length} of ${events.totalCount})`} id="timeline">
      <ol class="timeline">
        ${events.nodes.map((e: TimelineEvent) => html`<li class=${e.provenance?.stale ? 'stale-row' : ''}><time datetime=${e.occurredAt}>${e.occurredAt.slice(0, 16).replace('T', ' ')}</time> <${Badge} source=${e.source} /> <span class="kind">${e.kind}</span> ${e.title} ${e.status ? html`<span class="status">${e.status}</span>` : null} ${e.amount ? money(e.amount) : ''} ${e.provenance?.stale ? html`<span class="stale">stale</span>` : null}</li>`)}
      </ol>
      ${events.pageInfo.hasNextPage ? html`<button id="load-more" type="button" onClick=${loadMore}>Load more</button>` : null}
    <//>
    <${Section} title="Identity" id="identity">
      <p>Anchor <${Badge} source=${anchor.source} /> <code>${anchor.id}</code>. <button type="button" class="danger" id="suppress" onClick=${suppress}>Suppress person…</button></p>
      <table class="links"><caption>Linked records</caption><thead><tr><th scope="col">Record</th><th scope="col">Rule</th><th scope="col">Linked to</th><th scope="col">Matched on</th><th scope="col">Score</th><th scope="col"><span class="sr">Actions</span></th></tr></thead><tbody>
        ${c.identity.links.map((l) => html`<tr data-ref=${refText(l)}>
          <td><${Badge} source=${l.source} /> <code>${l.id}</code></td><td>${l.rule}</td><td>${l.linkedTo ? refText(l.linkedTo) : '—'}</td>
          <td>${l.matchedOn.map((m) => html`<span class=${`ev ev-${m.level}`}>${m.attribute} ${m.level}${m.weight !== null ? ` ${m.weight.toFixed(1)}` : ''}</span> `)}</td>
          <td>${l.score !== null ? l.score.toFixed(1) : '—'} (${(l.confidence * 100).toFixed(0)}%)</td>
          <td>${l.rule === 'SEED' ? null : html`<button type="button" class="unlink" onClick=${() => unlink(l, l.linkedTo ?? anchor)}>Unlink</button>`}</td>
        </tr>`)}
      </tbody></table>
      <table class="candidates"><caption>Candidates not linked</caption><thead><tr><th scope="col">Record</th><th scope="col">Compared with</th><th scope="col">Why</th><th scope="col">Score</th><th scope="col"><span class="sr">Actions</span></th></tr></thead><tbody>
        ${c.identity.candidates.length === 0 ? html`<tr><td colspan="5" class="muted">None</td></tr>` : null}
        ${c.identity.candidates.map((k) => html`<tr data-ref=${refText(k)}>
          <td><${Badge} source=${k.source} /> <code>${k.id}</code></td><td>${refText(k.comparedWith)}</td><td>${k.reason}</td><td>${k.score.toFixed(1)} (${(k.confidence * 100).toFixed(0)}%)</td>
          <td><button type="button" class="link" onClick=${() => link(k)}>Link</button></td>
        </tr>`)}
      </tbody></table>
    <//>
  </article>`;
}

function Confirm(props: { pending: Pending; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  return html`<div class="backdrop"><div class="dialog" role="dialog" aria-modal="true" aria-labelledby="confirm-title">
    <h2 id="confirm-title">${props.pending.title}</h2>
    <p>${props.pending.detail}</p>
    <label for="confirm-reason">Reason (audited)</label>
    <input id="confirm-reason" value=${reason} onInput=${(e: Event) => setReason((e.target as HTMLInputElement).value)} />
    <div class="actions">
      <button type="button" onClick=${props.onDone}>Cancel</button>
      <button type="button" id="confirm-ok" class="danger" disabled=${busy || reason.trim() === ''} onClick=${async () => { setBusy(true); try { await props.pending.action(reason.trim()); } finally { props.onDone(); } }}>Confirm</button>
    </div>
  </div></div>`;
}

function App() {
  const [credential, setCredential] = useState<string | null>(sessionStorage.getItem(CREDENTIAL_KEY));
  const [signInError, setSignInError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [lookup, setLookup] = useState<LookupResult | null>(null);
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const [answeredAt, setAnsweredAt] = useState<{ at: number; operation: string } | null>(null);

  useEffect(() => {
    if (!answeredAt) return;
    // Two frames: the first runs before paint, the second after the view has been painted.
    requestAnimationFrame(() => requestAnimationFrame(() => {
      const renderedAt = performance.now();
      window.c360Render = { answeredAt: answeredAt.at, renderedAt, ms: renderedAt - answeredAt.at, operation: answeredAt.operation };
      document.body.dataset['rendered'] = answeredAt.operation;
    }));
  }, [answeredAt]);

  const report = (r: GqlResult<unknown>) => {
    setProblems(problemsOf(r));
    setErrors(otherErrors(r.errors));
  };

  const signIn = async (value: string) => {
    const r = await run('ConsoleSources', {}, value);
    if (r.status === 401 || r.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) return setSignInError('That credential was not accepted.');
    if (r.errors.length > 0) return setSignInError(r.errors[0]!.message);
    sessionStorage.setItem(CREDENTIAL_KEY, value);
    forgetRole();
    setSignInError(null);
    setCredential(value);
  };

  if (!credential) return html`<${SignIn} onSignIn=${signIn} error=${signInError} />`;

  const search = async (e: Event) => {
    e.preventDefault();
    if (!query.trim()) return;
    setBusy(true);
    setNote(null);
    try {
      const r = await runView<{ customerLookup: LookupResult }>('ConsoleLookup', { q: query }, credential);
      report(r);
      setLookup(r.data?.customerLookup ?? null);
      setCustomer(r.data?.customerLookup.customer ?? null);
      if (r.data?.customerLookup.customer) setAnsweredAt({ at: r.answeredAt, operation: 'ConsoleLookup' });
    } finally {
      setBusy(false);
    }
  };

  const open = async (id: string) => {
    setBusy(true);
    try {
      const r = await runView<{ customer: Customer | null }>('ConsoleCustomer', { id }, credential);
      report(r);
      setCustomer(r.data?.customer ?? null);
      if (r.data?.customer) setAnsweredAt({ at: r.answeredAt, operation: 'ConsoleCustomer' });
    } finally {
      setBusy(false);
    }
  };

  const signOut = () => {
    sessionStorage.removeItem(CREDENTIAL_KEY);
    forgetRole();
    setCredential(null);
    setLookup(null);
    setCustomer(null);
  };

  return html`<div class="shell">
    <header class="top">
      <h1>c360 agent console</h1>
      <form class="search" role="search" onSubmit=${search}>
        <label for="q" class="sr">Look up a customer</label>
        <input id="q" name="q" type="search" placeholder="Email, phone, order #, ticket or case number, loyalty id, name (+ birth date or postcode)" value=${query} onInput=${(e: Event) => setQuery((e.target as HTMLInputElement).value)} />
        <button type="submit" disabled=${busy}>Search</button>
      </form>
      <button type="button" class="link-button" onClick=${signOut}>Sign out</button>
    </header>
    <main>
      ${problems.length > 0 ? html`<div class="banner" role="alert" id="source-banner">${problems.map((p) => html`<p>${p}</p>`)}</div>` : null}
      ${errors.length > 0 ? html`<div class="banner error" role="alert" id="errors">${errors.map((p) => html`<p>${p}</p>`)}</div>` : null}
      ${note ? html`<p class="note" role="status" id="note">${note}</p>` : null}
      ${busy ? html`<p role="status">Searching…</p>` : null}
      ${lookup ? html`<p class="lookup-status" id="lookup-status">${lookup.status} · read as <strong>${lookup.key.kind}${lookup.key.identifierType ? ` (${lookup.key.identifierType})` : ''}</strong> <code>${lookup.key.normalized}</code> · tried ${lookup.triedKinds.join(', ')}${lookup.matchedKinds.length ? ` · matched ${lookup.matchedKinds.join(', ')}` : ''}${lookup.truncated ? ' · more matches: add a birth date or postcode' : ''}</p>` : null}
      ${lookup && lookup.candidates.length > 0 ? html`<section class="card" aria-labelledby="h-candidates"><h2 id="h-candidates">${lookup.candidates.length} people match</h2><ol class="candidates-list">
        ${lookup.candidates.map((k) => html`<li><button type="button" class="candidate" data-id=${k.customer.id} onClick=${() => open(k.customer.id)}>${k.customer.displayName ?? k.customer.id}</button> <span class="kinds">${k.matchedKinds.join(', ')}</span> <span class="score">score ${k.score.toFixed(0)}</span> <span class="reason">${k.reason}</span> ${k.customer.emails[0] ? html`<span class="value">${k.customer.emails[0].value}</span>` : null} <${Sources} refs=${k.matchedRecords} /></li>`)}
      </ol></section>` : null}
      ${customer ? html`<${View} customer=${customer} credential=${credential} report=${report} confirm=${setPending} onChanged=${(c: Customer | null, text: string) => { setNote(text); setCustomer(c); if (c) setAnsweredAt({ at: performance.now(), operation: 'override' }); }} />` : null}
    </main>
    ${pending ? html`<${Confirm} pending=${pending} onDone=${() => setPending(null)} />` : null}
  </div>`;
}

render(html`<${App} />`, document.getElementById('app')!);
