const IANA_BY_ZENDESK_NAME: Readonly<Record<string, string>> = {
  'Pacific Time (US & Canada)': 'America/Los_Angeles',
  'Mountain Time (US & Canada)': 'America/Denver',
  'Central Time (US & Canada)': 'America/Chicago',
  'Eastern Time (US & Canada)': 'America/New_York',
  Arizona: 'America/Phoenix',
  Alaska: 'America/Juneau',
  Hawaii: 'Pacific/Honolulu',
  London: 'Europe/London',
  Berlin: 'Europe/Berlin',
  Paris: 'Europe/Paris',
  UTC: 'Etc/UTC',
};

/**
 * The IANA zone Zendesk reports in `iana_time_zone` for one of its Rails-style `time_zone` names; names
 * outside the sandbox's small table give `Etc/UTC`.
 */
export function ianaTimeZone(zendeskName: string): string {
  return IANA_BY_ZENDESK_NAME[zendeskName] ?? 'Etc/UTC';
}
