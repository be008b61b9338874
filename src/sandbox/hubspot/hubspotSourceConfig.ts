import { readExampleSource } from '../readExampleSource.js';

/**
 * The HubSpot `kind: rest` source config (examples/sources/hubspot.rest.yaml, shown in README) pointed at
 * `baseUrl` (the fake's origin in the demo and tests). Raw: validate it with the gateway's config loader.
 */
export function hubspotSourceConfig(baseUrl: string): Record<string, unknown> {
  return { ...readExampleSource('hubspot.rest.yaml'), baseUrl };
}
