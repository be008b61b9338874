/** Text compared case-, accent-, punctuation- and space-insensitively: `José  O'Neil` → `jose o neil`. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
