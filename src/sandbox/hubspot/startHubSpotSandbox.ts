import type { SandboxDataset } from '../dataset/types.js';
import type { FakeServer } from '../fakeTypes.js';
import { startFakeServer } from '../startFakeServer.js';
import { createHubSpotContacts, type HubSpotContacts } from './createHubSpotContacts.js';
import { createHubSpotProfile } from './createHubSpotProfile.js';

/** Options of {@link startHubSpotSandbox}. */
export interface HubSpotSandboxOptions {
  /** Port; default 0 (a free one). */
  readonly port?: number;
  /** Bind address; default `127.0.0.1`. */
  readonly host?: string;
  /** Accepted private-app token. Default `pat-sandbox-hubspot`. */
  readonly accessToken?: string;
  /** Share of people with a HubSpot contact (0..1). Default 0.5. */
  readonly share?: number;
  /** Reported burst limit per `intervalMs` (10 000). Default 190. */
  readonly burstMax?: number;
  readonly intervalMs?: number;
  /** Seed for fault jitter. Default 1. */
  readonly seed?: number;
}

/** A running HubSpot fake and its ground truth (contact id → person). */
export interface HubSpotSandbox extends FakeServer {
  readonly portal: HubSpotContacts;
}

/**
 * Starts a simulated HubSpot CRM (contacts search, batch read, get by id; see createHubSpotProfile) over
 * seeded contacts derived from the dataset, on loopback, with the shared `/__fake/*` fault control plane.
 * Throws a TypeError naming a bad option. Close it when done.
 */
export async function startHubSpotSandbox(dataset: SandboxDataset, options: HubSpotSandboxOptions = {}): Promise<HubSpotSandbox> {
  const share = options.share ?? 0.5;
  if (!(share >= 0 && share <= 1)) throw new TypeError(`startHubSpotSandbox: share must be between 0 and 1, got ${String(options.share)}`);
  const accessToken = options.accessToken ?? 'pat-sandbox-hubspot';
  if (!/^\S+$/.test(accessToken)) throw new TypeError(`startHubSpotSandbox: accessToken is invalid, got ${JSON.stringify(options.accessToken)}`);
  const portal = createHubSpotContacts(dataset, share);
  const profile = createHubSpotProfile(portal.contacts, { accessToken, burstMax: options.burstMax ?? 190, intervalMs: options.intervalMs ?? 10_000 });
  const server = await startFakeServer(profile, { port: options.port ?? 0, host: options.host ?? '127.0.0.1', seed: options.seed ?? 1 });
  return { ...server, portal };
}
