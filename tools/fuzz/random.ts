/**
 * A seeded source of choices (mulberry32): the same seed makes the same cases, so a failure found
 * once is found again with `npm run fuzz -- --seed <seed> --endpoint <e> --case <n>`.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The generator of one case, independent of every other case (so one case replays alone). */
  static forCase(seed: number, endpoint: string, index: number): Random {
    let hash = seed >>> 0;
    for (const char of `${endpoint}#${index}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x9e3779b1) >>> 0;
    return new Random(hash ^ (index * 0x85ebca6b));
  }

  /** In [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number in [0, below). */
  below(below: number): number {
    return Math.floor(this.next() * below);
  }

  /** A whole number in [min, max]. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.below(items.length)] as T;
  }

  /** `count` pieces from `pieces`, joined. */
  text(pieces: readonly string[], count: number): string {
    let out = '';
    for (let index = 0; index < count; index += 1) out += this.pick(pieces);
    return out;
  }

  bytes(count: number): Uint8Array {
    const out = new Uint8Array(count);
    for (let index = 0; index < count; index += 1) out[index] = this.below(256);
    return out;
  }
}
