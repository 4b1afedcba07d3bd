import { describe, expect, it } from 'vitest';
import { textLanguage, writeDates } from './text';

describe('a planner’s free text', () => {
  it('is recognised as Dutch or English by its common words', () => {
    expect(textLanguage('Lochristi en Bierbeek bezoeken hun partners in dezelfde regio')).toBe('nl');
    expect(textLanguage('Bierbeek and Evergem visit the same region between two dates')).toBe('en');
    expect(textLanguage('OK')).toBeUndefined();
  });

  it('has its dates written out in its own language', () => {
    expect(writeDates('tussen 2027-02-10 en 2027-02-28', 'nl')).toBe('tussen 10 februari 2027 en 28 februari 2027');
    expect(writeDates('between 2027-02-10 and 2027-02-28', 'en')).toBe('between 10 February 2027 and 28 February 2027');
  });
});
