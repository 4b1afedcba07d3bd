import { describe, expect, it } from 'vitest';
import { ERASED_VALUE } from './personalData.js';
import { hasStaffTokens, renderStaffTokens, staffToken, staffTokenIds } from './staffTokens.js';

const lies = '0190c6a1-5f3e-7c2a-9b1d-2e4f6a8c0b11';
const tom = '0190c6a1-5f3e-7c2a-9b1d-2e4f6a8c0b22';

describe('staff tokens', () => {
  it('name a staff member by id in brackets no text uses', () => {
    expect(staffToken(lies)).toBe(`⟦staff:${lies}⟧`);
    expect(hasStaffTokens(`${staffToken(lies)} heeft er het meest vrij`)).toBe(true);
    expect(hasStaffTokens('Lies heeft er het meest vrij [staff:1]')).toBe(false);
  });

  it('refuse an id that would not read back as one token', () => {
    expect(() => staffToken('')).toThrow(/without spaces/);
    expect(() => staffToken('a b')).toThrow(/without spaces/);
    expect(() => staffToken('a⟧b')).toThrow(/brackets/);
  });

  it('give the ids of every token in the texts, each once', () => {
    const texts = [`${staffToken(lies)} en ${staffToken(tom)}`, `opnieuw ${staffToken(lies)}`, 'geen token'];
    expect(staffTokenIds(texts)).toEqual([lies, tom]);
    expect(staffTokenIds(['⟦staff:⟧', '⟦staff:a b⟧', 'staff:x'])).toEqual([]);
  });

  it('read back with the current name, or what the reader gives for an erased or unknown one', () => {
    const names = new Map([[lies, 'Lies Janssens']]);
    const nameOf = (id: string) => names.get(id) ?? ERASED_VALUE;
    const text = `Personeelstijd: ${staffToken(lies)} heeft er het meest vrij; ${staffToken(tom)} niet.`;
    expect(renderStaffTokens(text, nameOf)).toBe(
      'Personeelstijd: Lies Janssens heeft er het meest vrij; [gewist] niet.',
    );
    // A name that looks like a replacement pattern is put in as it is.
    expect(renderStaffTokens(staffToken(lies), () => "$& $1 $'")).toBe("$& $1 $'");
    const plain = 'Advies: aanvaarden.';
    expect(renderStaffTokens(plain, nameOf)).toBe(plain);
  });
});
