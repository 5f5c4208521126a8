import { describe, expect, it } from 'vitest';
import { idNumberCheck, isValidIdNumber, isValidUscc, normalizeCode, usccCheck } from './cn-ids.js';

describe('GB 11643 ID numbers', () => {
  it('accepts the standard example and rejects a wrong check character', () => {
    // The example in GB 11643-1999 Appendix A: 11010519491231002X
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(idNumberCheck('11010519491231002')).toBe('X');
  });
  it('accepts full-width digits and a lower-case x, rejects impossible dates', () => {
    expect(isValidIdNumber('１１０１０５１９４９１２３１００２x')).toBe(true);
    const feb30 = '11010520230230001';
    expect(isValidIdNumber(feb30 + idNumberCheck(feb30))).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
  });
});

describe('GB 32100 unified social credit codes', () => {
  it('accepts published codes and rejects a changed check character', () => {
    // Codes printed on public business licences.
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91110000802100433B')).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
  });
  it('rejects characters outside the code set (I, O, S, V, Z) and wrong lengths', () => {
    expect(isValidUscc('91350100M000100YO3')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(usccCheck('91350100M000100YI')).toBeNull();
  });
  it('normalises full-width characters and spaces', () => {
    expect(normalizeCode(' ９１３５ 0100m000100y43 ')).toBe('91350100M000100Y43');
    expect(isValidUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe(true);
  });
});
