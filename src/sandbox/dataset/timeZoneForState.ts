/** Zendesk (Rails) time zone names for US states outside Eastern time; a state in two zones gets its main one. */
const ZONES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Pacific Time (US & Canada)', ['CA', 'NV', 'OR', 'WA']],
  ['Mountain Time (US & Canada)', ['CO', 'ID', 'MT', 'NM', 'UT', 'WY']],
  ['Arizona', ['AZ']],
  ['Central Time (US & Canada)', ['AL', 'AR', 'IA', 'IL', 'KS', 'LA', 'MN', 'MO', 'MS', 'ND', 'NE', 'OK', 'SD', 'TN', 'TX', 'WI']],
  ['Alaska', ['AK']],
  ['Hawaii', ['HI']],
];
const BY_STATE = new Map(ZONES.flatMap(([zone, states]) => states.map((state) => [state, zone] as const)));

/** The Zendesk `time_zone` name for a US state code; `Eastern Time (US & Canada)` for any other code. */
export function timeZoneForState(stateCode: string): string {
  return BY_STATE.get(stateCode) ?? 'Eastern Time (US & Canada)';
}
