import { MemoryEventStore, type EventStore } from '@werkbezoek/eventstore';
import { testMetadata } from '@werkbezoek/eventstore/testing';
import { deterministicUuidv7, type EventData, type WerkbezoekEventType } from '@werkbezoek/schema';

/** A stable UUID for a name in tests. */
export const id = (name: string) => deterministicUuidv7(Date.parse('2026-01-01T00:00:00Z'), name);

/**
 * Builds an event history for projection tests: each `add` appends one event
 * (validated by the store) to its aggregate's stream, occurring on `on`.
 */
export class History {
  constructor(readonly store: EventStore = new MemoryEventStore()) {}

  async add<T extends WerkbezoekEventType>(
    streamId: string,
    type: T,
    data: EventData<T>,
    on = '2026-03-02',
  ): Promise<bigint> {
    const result = await this.store.appendToStream(streamId, [
      { type, data, metadata: testMetadata({ occurredAt: `${on}T09:00:00.000Z` }) },
    ]);
    return result.position;
  }

  /** Zoersel twinned with Bohicon (BJ-ZO) and one staff member: the usual cast. */
  async basics(): Promise<void> {
    await this.add('municipality-11055', 'MunicipalityRegistered', {
      nisCode: '11055',
      name: 'Zoersel',
      province: 'ANTWERPEN',
    });
    await this.add(`twinning-${id('tw-zoersel')}`, 'TwinningEstablished', {
      twinningId: id('tw-zoersel'),
      nisCode: '11055',
      partnerName: 'Bohicon',
      countryCode: 'BJ',
      regionCode: 'BJ-ZO',
      since: '2011-01-01',
      policyDomains: ['CIVIL_REGISTRATION'],
    });
    await this.add(`staff-${id('lies')}`, 'StaffMemberRegistered', {
      staffMemberId: id('lies'),
      name: 'Lies Janssens',
    });
  }

  async submitted(name: string, overrides: Partial<EventData<'AccompanimentRequestSubmitted'>> = {}): Promise<string> {
    const requestId = id(name);
    await this.add(`request-${requestId}`, 'AccompanimentRequestSubmitted', {
      requestId,
      twinningId: id('tw-zoersel'),
      nisCode: '11055',
      missionType: 'EVALUATION',
      startDate: '2026-05-04',
      endDate: '2026-05-13',
      delegationSize: 6,
      policyDomains: ['CIVIL_REGISTRATION'],
      claimedReasons: ['CONTENT_PROBLEMS'],
      ...overrides,
    });
    return requestId;
  }
}
