import { describe, expect, it } from 'vitest';
import { fnv1a } from './hash.js';

describe('fnv1a', () => {
  it('matches the published 32-bit FNV-1a test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('continues from an earlier result as if the texts were joined', () => {
    expect(fnv1a('bar', fnv1a('foo'))).toBe(fnv1a('foobar'));
    expect(fnv1a('12', fnv1a('client-1:deep_visit:'))).toBe(fnv1a('client-1:deep_visit:12'));
  });
});
