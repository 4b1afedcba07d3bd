import type { Activity, Actor, AdditionalReason, MissionType, Phase, PolicyDomain } from '@werkbezoek/schema';
import type { Random } from './random.js';
import type { programmeOf, StaffSeed, TwinningSeed } from './referenceData.js';

/*
 * What the simulation keeps about the world while it runs: the generator's
 * own view of twinnings, staff, requests, missions and lessons, next to the
 * event log (which stays the truth the command handlers decide on).
 */

export interface Person {
  readonly personId: string;
  readonly name: string;
  readonly function?: string;
}

export interface TwinningRt {
  readonly seed: TwinningSeed;
  readonly municipality: string;
  readonly rng: Random;
  id?: string;
  endedOn?: string;
  coordinator: Person;
  southContact: Person;
  plannedVisits: number;
  /** Its requests, in the order they were submitted. */
  readonly requests: RequestRecord[];
}

export interface StaffRt {
  readonly seed: StaffSeed;
  id?: string;
  readonly actor: Actor;
  /** Days per year for accompaniment at this scale. */
  readonly days: number;
}

export interface RequestRecord {
  readonly requestId: string;
  readonly twinning: TwinningRt;
  missionType: MissionType;
  startDate: string;
  endDate: string;
  delegationSize: number;
  claimedReasons: AdditionalReason[];
  readonly policyDomains: PolicyDomain[];
  status: 'SUBMITTED' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN';
  readonly submittedOn: string;
}

export interface ActivityRecord {
  readonly activityId: string;
  readonly activity: Activity;
  readonly phase: Phase;
  done: boolean;
}

export interface MissionRecord {
  readonly missionId: string;
  readonly request: RequestRecord;
  readonly staff: StaffRt;
  readonly bookedDays: number;
  readonly reservedBudgetEur: number;
  readonly completeOn: string;
  status: 'SCHEDULED' | 'COMPLETED' | 'CANCELLED';
  activities: ActivityRecord[];
  reportFiled: boolean;
}

export interface LessonRecord {
  readonly lessonId: string;
  readonly author: StaffRt;
  readonly language: 'nl' | 'en';
  readonly body: string;
  readonly sdgs: readonly number[];
  status: 'RECORDED' | 'RETRACTED';
  goodPractice: boolean;
  edited: boolean;
}

export interface PlannedVisit {
  readonly twinning: TwinningRt;
  readonly missionType: MissionType;
  readonly startDate: string;
  readonly endDate: string;
  readonly submitOn: string;
  readonly delegationSize: number;
  readonly policyDomains: PolicyDomain[];
  readonly claimedReasons: AdditionalReason[];
  readonly programme: ReturnType<typeof programmeOf>;
  readonly notes?: string;
  readonly withContact: boolean;
  adviceId?: string;
}

/** Management allocates the budget, registers staff, municipalities and twinnings, and decides the planner's proposals. */
export const MANAGEMENT: Actor = { id: 'vvsg-directie', role: 'MANAGEMENT' };
