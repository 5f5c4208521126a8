/** Seeded PRNG (mulberry32): the same seed gives the same firm, record for record. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
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
    for (let i = 0; i < 10; i++) bytes[i] = Math.floor(this.next() * 256);
    const b = Buffer.alloc(16);
    b.writeUIntBE(atMs, 0, 6);
    bytes.copy(b, 6);
    b[6] = 0x70 | (b[6]! & 0x0f);
    b[8] = 0x80 | (b[8]! & 0x3f);
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
}
