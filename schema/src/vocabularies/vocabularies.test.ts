import { describe, expect, it } from 'vitest';
import { Activities, AdditionalReasons, DeclineReasons, MissionTypes, Phases, PolicyDomains, Roles } from './index.js';

describe('the vocabularies', () => {
  it('rank the mission types by relevance, identification first', () => {
    expect(MissionTypes.entries.map((m) => [m.code, m.rank])).toEqual([
      ['IDENTIFICATION', 1],
      ['EVALUATION', 2],
      ['TECHNICAL', 3],
      ['POLITICAL', 4],
    ]);
    expect(MissionTypes.label('TECHNICAL')).toBe('Technische missie');
    expect(MissionTypes.label('TECHNICAL', 'en')).toBe('Technical mission');
  });

  it('hold the six additional reasons, three of which the platform derives', () => {
    expect(AdditionalReasons.codes).toHaveLength(6);
    expect(AdditionalReasons.entries.filter((r) => r.derivable).map((r) => r.code)).toEqual([
      'ACTOR_RENEWAL',
      'FOLLOW_UP',
      'COMBINED_VISITS',
    ]);
    expect(DeclineReasons.codes).toEqual(['NOT_OPPORTUNE', 'NO_STAFF_TIME', 'NO_BUDGET']);
  });

  it('list the thirteen activities of the source document by phase', () => {
    expect(Activities.codes).toHaveLength(13);
    const perPhase = Phases.codes.map((p) => Activities.entries.filter((a) => a.phase === p).length);
    expect(perPhase).toEqual([4, 6, 3]);
  });

  it('map every policy domain except youth to OECD DAC purpose codes', () => {
    for (const code of [
      'CIVIL_REGISTRATION',
      'LOCAL_GOVERNANCE',
      'LOCAL_TAXES',
      'LOCAL_ECONOMY',
      'WASTE_MANAGEMENT',
      'WATER',
      'ENVIRONMENT_CLIMATE',
      'GENDER',
      'PARTICIPATION',
      'YOUTH',
      'DIGITALISATION',
    ]) {
      expect(PolicyDomains.is(code), code).toBe(true);
    }
    for (const d of PolicyDomains.entries) {
      for (const purpose of d.dacPurposeCodes) expect(purpose, d.code).toMatch(/^\d{5}$/);
      if (d.code !== 'YOUTH') expect(d.dacPurposeCodes.length, d.code).toBeGreaterThan(0);
    }
    expect(PolicyDomains.get('WASTE_MANAGEMENT').dacPurposeCodes).toEqual(['14050']);
  });

  it('refuse unknown codes with the list of valid ones', () => {
    expect(Roles.is('ADMIN')).toBe(false);
    expect(() => Roles.get('ADMIN' as never)).toThrow(
      /Unknown role "ADMIN"; expected one of MANAGEMENT, PLANNER, ANALYST, STAFF, COORDINATOR/,
    );
  });
});
