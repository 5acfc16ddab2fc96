/**
 * A parameter name split into its top-level name and bracket segments:
 * `Key[a][]` → `{ name: 'Key', segments: ['a', ''] }`, where `''` means "append".
 */
export interface KeyPath {
  readonly name: string;
  readonly segments: readonly string[];
}

/**
 * Splits `Key[a][b]` the way Kazoo's `json_to_querystring` builds it. Returns
 * undefined for anything else (`a[b]c`, `a[b`, `[a]`, `a[b[c]]`), which the
 * caller keeps as a literal name: guessing what broken brackets meant would
 * invent structure the sender never had.
 */
export function splitKeyPath(key: string): KeyPath | undefined {
  const firstOpen = key.indexOf('[');
  if (firstOpen === -1) return { name: key, segments: [] };
  if (firstOpen === 0) return undefined;

  const segments: string[] = [];
  let index = firstOpen;
  while (index < key.length) {
    if (key.charAt(index) !== '[') return undefined;
    const close = key.indexOf(']', index + 1);
    if (close === -1) return undefined;
    const segment = key.slice(index + 1, close);
    if (segment.includes('[')) return undefined;
    segments.push(segment);
    index = close + 1;
  }
  return { name: key.slice(0, firstOpen), segments };
}
