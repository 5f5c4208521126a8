import { createHash } from 'node:crypto';

/** Seeded PRNG (mulberry32): the same seed gives the same firm, record for record. */
export class Rng {
  private state: number;
  /**
   * Mixed into every id's random bytes. A 32-bit seed per client repeats among 200,000 clients
   * (about five pairs share one), and their identical streams would make identical ids.
   */
  private readonly idSalt: Buffer | null;
  constructor(seed: number, idSalt: Buffer | null = null) {
    this.state = seed >>> 0;
    this.idSalt = idSalt;
  }
  /** A stream whose ids are unique to `owner` (e.g. a client's id) even when two seeds coincide. */
  static forOwner(seed: number, owner: string): Rng {
    return new Rng(seed, createHash('sha256').update(owner).digest().subarray(0, 10));
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** A stable UUID v7-shaped id whose time part is the record's creation time. */
  id(atMs: number): string {
    const bytes = Buffer.alloc(10);
    for (let i = 0; i < 10; i++) bytes[i] = Math.floor(this.next() * 256) ^ (this.idSalt ? this.idSalt[i]! : 0);
    const b = Buffer.alloc(16);
    b.writeUIntBE(atMs, 0, 6);
    bytes.copy(b, 6);
    b[6] = 0x70 | (b[6]! & 0x0f);
    b[8] = 0x80 | (b[8]! & 0x3f);
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}
