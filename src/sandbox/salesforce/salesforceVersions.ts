/** What `GET /services/data/` lists: recent API versions, oldest first, as Salesforce does. */
export const SALESFORCE_VERSIONS: readonly { readonly label: string; readonly url: string; readonly version: string }[] = [
  ["Winter '25", '62.0'],
  ["Spring '25", '63.0'],
  ["Summer '25", '64.0'],
  ["Winter '26", '65.0'],
  ["Spring '26", '66.0'],
].map(([label = '', version = '']) => ({ label, url: `/services/data/v${version}`, version }));
