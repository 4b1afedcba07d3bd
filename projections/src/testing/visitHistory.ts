import type { EventData } from '@werkbezoek/schema';
import { History, id } from './history.js';

type Submitted = EventData<'AccompanimentRequestSubmitted'>;
type Recommendation = EventData<'AccompanimentRequestAssessed'>['recommendation'];
type DeclineReason = EventData<'AccompanimentDeclined'>['reason'];
type MissionType = Submitted['missionType'];

/**
 * `History` with the rest of a visit's life: more municipalities, twinnings
 * and staff, assessments, decisions and missions, each on a chosen date.
 * Names become stable ids through `id(name)`.
 */
export class VisitHistory extends History {
  async municipality(nisCode: string, name: string, on = '2026-01-05'): Promise<void> {
    await this.add(`municipality-${nisCode}`, 'MunicipalityRegistered', { nisCode, name, province: 'ANTWERPEN' }, on);
  }

  async twinning(
    name: string,
    t: { nisCode: string; partnerName: string; regionCode: string; since?: string },
    on = '2026-01-05',
  ): Promise<string> {
    const twinningId = id(name);
    await this.add(
      `twinning-${twinningId}`,
      'TwinningEstablished',
      {
        twinningId,
        nisCode: t.nisCode,
        partnerName: t.partnerName,
        countryCode: t.regionCode.slice(0, 2),
        regionCode: t.regionCode,
        since: t.since ?? '2010-01-01',
        policyDomains: [],
      },
      on,
    );
    return twinningId;
  }

  async twinningEnded(name: string, endedOn: string): Promise<void> {
    await this.add(
      `twinning-${id(name)}`,
      'TwinningEnded',
      { twinningId: id(name), endedOn, reason: 'Federal funding for the country ended' },
      endedOn,
    );
  }

  async staffMember(name: string, fullName: string): Promise<string> {
    const staffMemberId = id(name);
    await this.add(`staff-${staffMemberId}`, 'StaffMemberRegistered', { staffMemberId, name: fullName }, '2026-01-05');
    return staffMemberId;
  }

  /** A request submitted on `on` (by default for Zoersel's twinning with Bohicon). */
  async submit(name: string, on: string, overrides: Partial<Submitted> = {}): Promise<string> {
    const requestId = id(name);
    await this.add(
      `request-${requestId}`,
      'AccompanimentRequestSubmitted',
      {
        requestId,
        twinningId: id('tw-zoersel'),
        nisCode: '11055',
        missionType: 'EVALUATION',
        startDate: '2026-05-04',
        endDate: '2026-05-13',
        delegationSize: 6,
        policyDomains: [],
        claimedReasons: [],
        ...overrides,
      },
      on,
    );
    return requestId;
  }

  async amended(requestId: string, on: string, change: Omit<EventData<'AccompanimentRequestAmended'>, 'requestId'>) {
    await this.add(`request-${requestId}`, 'AccompanimentRequestAmended', { requestId, ...change }, on);
  }

  /** `satisfiedReasons`: the reasons the assessment found met (none unless given). */
  async assessed(
    requestId: string,
    on: string,
    recommendation: Recommendation,
    declineReason?: DeclineReason,
    satisfiedReasons: EventData<'AccompanimentRequestAssessed'>['satisfiedReasons'] = [],
  ) {
    await this.add(
      `request-${requestId}`,
      'AccompanimentRequestAssessed',
      {
        requestId,
        policyVersion: 'test-1',
        trigger: 'SUBMITTED',
        recommendation,
        ...(declineReason ? { declineReason } : {}),
        opportune: recommendation === 'ACCEPT',
        requiredReasons: 1,
        claimedReasons: [],
        derivedReasons: [],
        satisfiedReasons,
        daysNeeded: 12,
        freeStaffDays: 40,
        staffTimeAvailable: true,
        estimatedCostEur: 1500,
        unreservedBudgetEur: 20000,
        budgetAvailable: true,
        inputs: {},
        explanation: { nl: [], en: [] },
      },
      on,
    );
  }

  async accepted(
    requestId: string,
    decidedOn: string,
    a: { mission: string; staff: string; bookedDays?: number; reservedBudgetEur?: number },
  ): Promise<string> {
    const missionId = id(a.mission);
    await this.add(
      `request-${requestId}`,
      'AccompanimentAccepted',
      {
        requestId,
        missionId,
        staffMemberId: id(a.staff),
        decidedOn,
        bookedDays: a.bookedDays ?? 12,
        reservedBudgetEur: a.reservedBudgetEur ?? 1500,
      },
      decidedOn,
    );
    return missionId;
  }

  async declined(requestId: string, decidedOn: string, reason: DeclineReason): Promise<void> {
    await this.add(
      `request-${requestId}`,
      'AccompanimentDeclined',
      { requestId, reason, decidedOn, note: `Declined: ${reason}` },
      decidedOn,
    );
  }

  async withdrawn(requestId: string, on: string): Promise<void> {
    await this.add(
      `request-${requestId}`,
      'AccompanimentRequestWithdrawn',
      { requestId, reason: 'Visit postponed' },
      on,
    );
  }

  async scheduled(
    name: string,
    m: {
      requestIds?: string[];
      nisCodes: string[];
      twinningIds: string[];
      regionCode: string;
      startDate: string;
      endDate: string;
      staff: string[];
      missionType?: MissionType;
      bookedDays?: number;
    },
    on = '2026-01-10',
  ): Promise<string> {
    const missionId = id(name);
    await this.add(
      `mission-${missionId}`,
      'MissionScheduled',
      {
        missionId,
        requestIds: m.requestIds ?? [],
        twinningIds: m.twinningIds,
        nisCodes: m.nisCodes,
        missionType: m.missionType ?? 'EVALUATION',
        countryCode: m.regionCode.slice(0, 2),
        regionCode: m.regionCode,
        startDate: m.startDate,
        endDate: m.endDate,
        staffMemberIds: m.staff.map(id),
        bookedDays: m.bookedDays ?? 12,
        reservedBudgetEur: 1500,
      },
      on,
    );
    return missionId;
  }

  async completed(missionId: string, completedOn: string, daysSpent: number, costEur = 1400): Promise<void> {
    await this.add(
      `mission-${missionId}`,
      'MissionCompleted',
      { missionId, completedOn, daysSpent, costEur },
      completedOn,
    );
  }

  async cancelled(missionId: string, cancelledOn: string): Promise<void> {
    await this.add(
      `mission-${missionId}`,
      'MissionCancelled',
      { missionId, cancelledOn, reason: 'Security situation' },
      cancelledOn,
    );
  }
}

export { id };
