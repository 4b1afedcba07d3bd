import { describe, expect, it } from 'vitest';
import { extractPartnerShapes } from './partnerShapes.extract';
import { partnerShapes } from './partnerShapes';

describe('partnerShapes.ts', () => {
  it('holds what the extraction takes from the installed world-atlas (else run partnerShapes.extract.ts)', () => {
    expect(partnerShapes).toEqual(extractPartnerShapes());
  });
});
