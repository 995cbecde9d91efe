/**
 * A small seeded random source for simulations that must replay exactly: the same seed gives the
 * same numbers on every device and every run, and the whole state is one 32-bit integer, so a
 * simulation can be stored and resumed. Sources: mulberry32 (Tommy Ettinger, public domain,
 * 2017) for the stream; the splitmix32 finaliser (the 32-bit variant of Steele, Lea & Flood
 * 2014's SplitMix mixer) to derive independent streams from one seed; Box–Muller (1958) for
 * normal draws. None of this is for secrets.
 */

/** Mixes any number of integers into one well-scrambled 32-bit seed (order matters). */
export function seedMix(...parts: readonly number[]): number {
  let hash = 0x9e3779b9;
  for (const part of parts) {
    // Fold the integer part of each input, so 2^32 + 1 and 1 give different streams.
    const low = part >>> 0;
    const high = Math.floor(part / 4294967296) >>> 0;
    hash = splitmix32(hash ^ low);
    hash = splitmix32(hash ^ high);
  }
  return hash;
}

/** The splitmix32 finaliser: a bijection on 32-bit integers with strong avalanche. */
function splitmix32(value: number): number {
  let z = (value + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/**
 * A mulberry32 stream. Mutable on purpose, for tight loops; callers that need immutability keep
 * `state` (a plain integer) and build a new stream from it.
 */
export class SeededRandom {
  state: number;

  constructor(state: number) {
    this.state = state >>> 0;
  }

  /** A uniform draw in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A standard normal draw (Box–Muller, cosine branch; 1 − u keeps the logarithm finite). */
  gaussian(): number {
    const radius = Math.sqrt(-2 * Math.log(1 - this.next()));
    return radius * Math.cos(2 * Math.PI * this.next());
  }
}
