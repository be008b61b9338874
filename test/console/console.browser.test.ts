import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLoyaltyCsv, findShowcasePerson, generateDataset } from '../../src/sandbox/dataset/index.js';
import { startDemoProcess, type DemoProcess } from './startDemoProcess.js';

// Debian's Chromium (apt-get install chromium), never a downloaded browser.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = process.env['CI'] === 'true';
const SIZE = 200;
const SEED = 42;
const SCREENSHOT = 'docs/console.png';

describe('console browser tests: environment', () => {
  it('has Chromium, or runs outside CI (where the browser tests are then skipped)', () => {
    if (!HAVE_CHROMIUM) console.warn(`console browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
    // In CI a missing browser is a failure, never a skip.
    expect(HAVE_CHROMIUM || !IN_CI, `CI=true but no Chromium at ${CHROMIUM}: .ci/run must apt-get install chromium`).toBe(true);
  });
});

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('console in Chromium against the demo', { timeout: 90_000 }, () => {
  const dataset = generateDataset({ size: SIZE, seed: SEED });
  const show = findShowcasePerson(dataset);
  const renderTimes: number[] = [];
  let demo: DemoProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    demo = await startDemoProcess({ size: SIZE, seed: SEED, timeoutMs: 80_000 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    // bypassCSP: only so that the test can inject axe-core; the page itself runs under the gateway's CSP.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
    page = await context.newPage();
    // Nothing may leave the machine: every request must go to the gateway.
    await page.route('**/*', (route) => (route.request().url().startsWith(demo.origin) ? route.continue() : route.abort()));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    if (renderTimes.length > 0) {
      const sorted = [...renderTimes].sort((a, b) => a - b);
      console.log(`360 view render after the answer: median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms over ${sorted.length} views (${renderTimes.map((t) => t.toFixed(1)).join(', ')})`);
    }
  }, 30_000);

  async function signIn(credential: string): Promise<void> {
    await page.goto(`${demo.origin}/console`);
    await page.fill('#credential', credential);
    await page.click('.signin button[type=submit]');
    await page.waitForSelector('#q');
  }

  /** Types `q`, submits, and waits for the answer to be on screen; returns the lookup status line. */
  async function search(q: string): Promise<string> {
    await page.fill('#q', q);
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/graphql') && r.request().postData()?.includes('ConsoleLookup') === true), page.press('#q', 'Enter')]);
    await page.waitForFunction("!document.body.textContent.includes('Searching…')");
    return (await page.textContent('#lookup-status')) ?? '';
  }

  async function renderedView(operation: string): Promise<void> {
    // Strings, not functions: these run in the page, and the test's TypeScript has no DOM types.
    await page.waitForFunction(`document.body.dataset.rendered === ${JSON.stringify(operation)} && window.c360Render !== undefined`);
    renderTimes.push(await page.evaluate<number>('window.c360Render.ms'));
    await page.evaluate('delete document.body.dataset.rendered');
  }

  /** Waits for the console's note to start with `text`; fails with the console's error banner if one shows. */
  async function noteOrError(text: string): Promise<void> {
    await page.waitForFunction(`document.querySelector('#errors') !== null || (document.querySelector('#note')?.textContent ?? '').startsWith(${JSON.stringify(text)})`);
    const errors = (await page.locator('#errors').count()) > 0 ? await page.textContent('#errors') : null;
    expect(errors).toBeNull();
    expect(await page.textContent('#note')).toMatch(new RegExp(`^${text}`));
  }

  async function seriousViolations(): Promise<string[]> {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate<Array<{ id: string; impact: string | null; nodes: number }>>(
      'axe.run(document).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))',
    );
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes} nodes)`);
  }

  it('signs in with the API key and has no serious accessibility violations on the sign-in page', async () => {
    await page.goto(`${demo.origin}/console`);
    await page.waitForSelector('#credential');
    expect(await seriousViolations()).toEqual([]);
    await page.fill('#credential', 'not-a-key');
    await page.click('.signin button[type=submit]');
    await page.waitForSelector('.signin .error');
    await signIn(demo.apiKey);
  });

  it('looks up by each kind an agent types and says which kind matched', async () => {
    const order = dataset.shopify.orders[5]!;
    const ticket = dataset.zendesk.tickets.at(-1)!;
    const kase = dataset.salesforce.cases[3]!;
    const loyalty = exportLoyaltyCsv(dataset).truth[0]!;
    const named = dataset.salesforce.contacts.find((c) => c.firstName && c.birthdate)!;
    const cases: Array<[string, string, string | null]> = [
      [show.contact.email!.toUpperCase(), 'EMAIL', `salesforce/${show.contact.id}`],
      [show.person.phone, 'PHONE', `salesforce/${show.contact.id}`],
      [order.name, 'ORDER_NUMBER', `shopify/${order.customerId}`],
      [String(ticket.id), 'TICKET_NUMBER', `zendesk/${ticket.requesterId}`],
      [kase.caseNumber, 'TICKET_NUMBER', `salesforce/${kase.contactId}`],
      [loyalty.id, 'IDENTIFIER', null],
      [`${named.firstName} ${named.lastName} ${named.birthdate}`, 'NAME', `salesforce/${named.id}`],
    ];
    for (const [q, kind, ref] of cases) {
      const status = await search(q);
      expect(status, q).toContain(`matched ${kind}`);
      if (status.startsWith('MATCHED')) {
        await renderedView('ConsoleLookup');
        if (ref) expect(await page.locator(`table.links tr[data-ref="${ref}"]`).count(), `${q} shows ${ref}`).toBe(1);
      } else {
        expect(status, q).toMatch(/^AMBIGUOUS/);
        expect(await page.locator('button.candidate').count()).toBeGreaterThan(1);
      }
    }
  });

  it('lists ranked candidates with reasons for a bare number and opens one', async () => {
    const status = await search('1001');
    expect(status).toMatch(/^AMBIGUOUS/);
    expect(status).toContain('ORDER_NUMBER');
    const reasons = await page.locator('.candidates-list .reason').allTextContents();
    expect(reasons.some((r) => r.includes('order number found in shopify'))).toBe(true);
    expect(reasons.some((r) => r.includes('ticket/case number found in salesforce'))).toBe(true);
    await page.locator('button.candidate').first().click();
    await renderedView('ConsoleCustomer');
    expect(await page.locator('#customer-name').textContent()).not.toBe('');
  });

  it('shows the 360 view and pages the timeline with load more', async () => {
    await search(show.contact.email!);
    await renderedView('ConsoleLookup');
    for (const heading of ['Contact points', 'Consent', 'Data quality', 'Identity']) expect(await page.locator(`h2:text-is("${heading}")`).count(), heading).toBe(1);
    expect(await page.locator('#quality-meter').count()).toBe(1);
    expect(await page.locator('ul.segments').count()).toBe(1);
    expect(await page.locator('.points .badge').count()).toBeGreaterThan(0);
    if (!existsSync(SCREENSHOT) || process.env['C360_UPDATE_SCREENSHOT'] === '1') await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(await seriousViolations()).toEqual([]);
    // The Shopify customer with the most orders has more than one page of timeline.
    const counts = new Map<number, number>();
    for (const o of dataset.shopify.orders) counts.set(o.customerId, (counts.get(o.customerId) ?? 0) + 1);
    const busiest = dataset.shopify.customers.filter((c) => c.email).sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0))[0]!;
    expect(counts.get(busiest.id)).toBeGreaterThan(10);
    await search(busiest.email!);
    await renderedView('ConsoleLookup');
    const before = await page.locator('.timeline li').count();
    expect(before).toBe(10);
    await Promise.all([page.waitForResponse((r) => r.request().postData()?.includes('ConsoleTimeline') === true), page.click('#load-more')]);
    await page.waitForFunction(`document.querySelectorAll('.timeline li').length > ${before}`);
    const times = await page.locator('.timeline time').allTextContents();
    expect(times.length).toBeGreaterThan(before);
    // Newest first across both pages.
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('unlinks and links a record as a steward, each after a confirmation', async () => {
    await search(show.contact.email!);
    await renderedView('ConsoleLookup');
    const target = `zendesk/${show.user.id}`;
    const row = page.locator(`table.links tr[data-ref="${target}"]`);
    expect(await row.count()).toBe(1);
    await row.locator('button.unlink').click();
    await page.waitForSelector('[role=dialog]');
    expect(await page.locator('#confirm-ok').isDisabled()).toBe(true);
    await page.fill('#confirm-reason', 'e2e: different person');
    await page.click('#confirm-ok');
    await noteOrError('Unlinked');
    expect(await page.locator(`table.links tr[data-ref="${target}"]`).count()).toBe(0);
    const candidate = page.locator(`table.candidates tr[data-ref="${target}"]`);
    expect(await candidate.count()).toBe(1);
    await candidate.locator('button.link').click();
    await page.fill('#confirm-reason', 'e2e: same person after all');
    await page.click('#confirm-ok');
    await noteOrError('Linked');
    expect(await page.locator(`table.links tr[data-ref="${target}"]`).count()).toBe(1);
  });

  it('shows a banner naming the failing source after a fault is injected', async () => {
    const faults = `${demo.sandbox['zendesk']}/__fake/faults`;
    const added = await fetch(faults, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ match: { path: '^/api/v2/' }, fault: { kind: 'status', status: 503 } }) });
    expect(added.ok).toBe(true);
    try {
      await search(show.contact.email!);
      await page.waitForSelector('#source-banner');
      const banner = (await page.textContent('#source-banner')) ?? '';
      expect(banner).toContain('Source zendesk');
      expect(banner).toMatch(/stale|missing/);
    } finally {
      await fetch(faults, { method: 'DELETE' });
    }
  });

  it('shows masked values, exactly as the API gives them, to an agent', async () => {
    await page.click('text=Sign out');
    await signIn(demo.agentToken);
    await search(show.contact.email!);
    await renderedView('ConsoleLookup');
    const emails = await page.locator('.points li .value').allTextContents();
    expect(emails.length).toBeGreaterThan(0);
    for (const value of emails) expect(value).toMatch(/\*\*\*/);
    expect(await page.textContent('body')).not.toContain(show.contact.email!.toLowerCase());
    expect(await page.locator('text=Segments not available to this role.').count()).toBe(1);
    expect(await seriousViolations()).toEqual([]);
  });
});
