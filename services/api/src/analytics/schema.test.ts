import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { LessonResolver, MissionLessonsResolver } from '../lessons/lesson.resolver.js';
import { MissionResolver } from '../missions/mission.resolver.js';
import { MunicipalityResolver } from '../registry/municipality.resolver.js';
import { BudgetResolver, StaffResolver } from '../registry/staff.resolver.js';
import { TwinningResolver } from '../registry/twinning.resolver.js';
import { RequestResolver } from '../requests/request.resolver.js';
import { RequestAuditResolver } from './audit.resolver.js';
import { ClustersResolver } from './clusters.resolver.js';
import { DashboardResolver } from './dashboard.resolver.js';
import { HistoryResolver } from './history.resolver.js';
import { PolicyDomainResolver } from './policyDomain.resolver.js';

const schema = await buildSchema({
  resolvers: [
    RequestResolver,
    MunicipalityResolver,
    TwinningResolver,
    StaffResolver,
    BudgetResolver,
    MissionResolver,
    LessonResolver,
    MissionLessonsResolver,
    HistoryResolver,
    ClustersResolver,
    DashboardResolver,
    RequestAuditResolver,
    PolicyDomainResolver,
  ],
  validate: false,
});

const fieldsOf = (type: string) => {
  const t = schema.getType(type);
  if (!t || !('getFields' in t)) throw new Error(`${type} is not an object type`);
  return Object.keys(t.getFields());
};

describe('the registry, missions, lessons and analytics resolvers', () => {
  it('add the mutations of the public contract', () => {
    expect(Object.keys(schema.getMutationType()!.getFields())).toEqual(
      expect.arrayContaining([
        'registerMunicipality',
        'establishTwinning',
        'recordActorChange',
        'endTwinning',
        'adviseAccompaniment',
        'logContact',
        'registerStaffMember',
        'declareStaffCapacity',
        'allocateBudget',
        'completeMission',
        'cancelMission',
        'planMissionActivity',
        'recordMissionActivityDone',
        'fileMissionReport',
        'recordLesson',
        'editLesson',
        'promoteToGoodPractice',
        'retractLesson',
      ]),
    );
  });

  it('add the queries of the public contract', () => {
    expect(Object.keys(schema.getQueryType()!.getFields())).toEqual(
      expect.arrayContaining([
        'mission',
        'missions',
        'lessons',
        'lesson',
        'accompanimentHistory',
        'coverage',
        'regionalClusters',
        'twinnings',
        'staffCapacity',
        'budgets',
        'dashboard',
        'policyDomains',
      ]),
    );
  });

  it('extend Mission without a second Mission type', () => {
    expect(fieldsOf('Mission')).toEqual(
      expect.arrayContaining(['id', 'status', 'activities', 'reportFiledOn', 'cancelledOn', 'municipalities']),
    );
    expect(fieldsOf('Mission')).toEqual(expect.arrayContaining(['countryCode', 'lessons', 'auditTrail']));
  });

  it('give every audited aggregate its trail', () => {
    for (const type of ['AccompanimentRequest', 'Mission', 'Lesson', 'Twinning', 'StaffMember'])
      expect(fieldsOf(type), type).toContain('auditTrail');
  });

  it('keep the argument shapes of the contract', () => {
    const query = schema.getQueryType()!.getFields();
    const clusters = query.regionalClusters!.args.map((a) => `${a.name}: ${String(a.type)}`);
    expect(clusters).toEqual(expect.arrayContaining(['from: LocalDate!', 'to: LocalDate!', 'windowDays: Int']));
    expect(query.regionalClusters!.args.find((a) => a.name === 'windowDays')!.defaultValue).toBe(14);
    expect(query.lessons!.args.map((a) => a.name).sort()).toEqual(['after', 'filter', 'first', 'search']);
    expect(fieldsOf('Lesson')).toEqual(
      expect.arrayContaining(['rank', 'author', 'municipalities', 'goodPractice', 'promotedOn', 'retracted']),
    );
  });
});
