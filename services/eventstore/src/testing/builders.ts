import { uuidv7, type EventMetadata, type NewEvent } from '@werkbezoek/schema';

export function testMetadata(
  overrides: Partial<Omit<EventMetadata, 'schemaVersion'>> = {},
): Omit<EventMetadata, 'schemaVersion'> {
  const eventId = overrides.eventId ?? uuidv7();
  return {
    eventId,
    occurredAt: '2026-03-01T09:30:00.000Z',
    actor: { id: 'test-suite', role: 'SYSTEM' },
    correlationId: eventId,
    causationId: eventId,
    ...overrides,
  };
}

/** A valid event of the real catalogue: a yearly budget allocation. */
export function budgetAllocated(amountEur = 1000, year = 2026): NewEvent {
  return { type: 'BudgetAllocated', data: { year, amountEur }, metadata: testMetadata() };
}

/** A valid event of the real catalogue: a municipality registration. */
export function municipalityRegistered(nisCode = '11055', name = 'Zoersel'): NewEvent {
  return { type: 'MunicipalityRegistered', data: { nisCode, name, province: 'ANTWERPEN' }, metadata: testMetadata() };
}

/** Collects an async iterable into an array. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/** A stream id unique to one test, so tests against a shared server do not meet. */
export function uniqueStream(prefix = 'test'): string {
  return `${prefix}-${uuidv7()}`;
}

/** A valid event with personal data: a staff member's name and email, under their id. */
export function staffMemberRegistered(staffMemberId: string, name: string, email?: string): NewEvent {
  return {
    type: 'StaffMemberRegistered',
    data: { staffMemberId, name, ...(email === undefined ? {} : { email }) },
    metadata: testMetadata(),
  };
}

/** A valid event with personal data of a person met (name, function, summary) under their id. */
export function contactLogged(personId: string, name: string): NewEvent {
  return {
    type: 'ContactLogged',
    data: {
      contactId: uuidv7(),
      twinningId: uuidv7(),
      contactedOn: '2026-03-02',
      channel: 'PHONE',
      person: { personId, name, function: 'schepen' },
      staffMemberId: uuidv7(),
      summary: 'Gesprek over de partnerstad',
    },
    metadata: testMetadata(),
  };
}
