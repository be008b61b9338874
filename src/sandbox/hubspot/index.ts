export { createHubSpotContacts, type HubSpotContact, type HubSpotContacts } from './createHubSpotContacts.js';
export { hubspotSourceConfig } from './hubspotSourceConfig.js';
export { startHubSpotSandbox, type HubSpotSandbox, type HubSpotSandboxOptions } from './startHubSpotSandbox.js';
