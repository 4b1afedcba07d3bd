import { Field, ID, ObjectType } from 'type-graphql';
import { ConnectionOf } from '../graphql/connection.js';

import { MissionType, RegionalEventKind } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { MunicipalityRef } from '../requests/request.type.js';
import { VisitKind } from './history.type.js';

// simpleResolvers on every type here: plain data, read by graphql's default resolver rather than type-graphql's
// per-field wrapper (as MunicipalityRef); a page of regions holds thousands of visits (issue 16).

@ObjectType({ description: 'A Flemish municipality active in a southern region or country.', simpleResolvers: true })
export class ClusterMunicipality {
  @Field(() => String)
  nisCode!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Its partner there; null when the twinning is not known.' })
  partnerName!: string | null;

  @Field(() => Boolean, { description: 'Whether it visits in the period.' })
  visiting!: boolean;
}

@ObjectType({
  description: 'A visit in the period: an open or accepted request, or a mission not cancelled.',
  simpleResolvers: true,
})
export class ClusterVisit {
  @Field(() => VisitKind)
  kind!: string;

  @Field(() => ID, { description: 'The request id or the mission id.' })
  id!: string;

  @Field(() => [MunicipalityRef])
  municipalities!: MunicipalityRef[];

  @Field(() => String)
  countryCode!: string;

  @Field(() => String)
  regionCode!: string;

  @Field(() => MissionType)
  missionType!: string;

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => String, { description: 'A request: SUBMITTED or ACCEPTED; a mission: SCHEDULED or COMPLETED.' })
  status!: string;

  @Field(() => [ID], { description: 'The requests a mission serves.' })
  requestIds!: string[];
}

@ObjectType({
  simpleResolvers: true,
  description: 'A joint mission or regional event, proposed or approved, planned in a region in the period.',
})
export class ClusterPlan {
  @Field(() => ID, { description: 'The joint mission id or the regional event id.' })
  id!: string;

  @Field(() => String, { description: 'PROPOSED or APPROVED.' })
  status!: string;

  @Field(() => String)
  countryCode!: string;

  @Field(() => [String])
  regionCodes!: string[];

  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => [MunicipalityRef], { description: 'Taken along by a joint mission, or invited to an event.' })
  municipalities!: MunicipalityRef[];

  @Field(() => MissionType, { nullable: true, description: "A joint mission's mission type." })
  missionType!: string | null;

  @Field(() => RegionalEventKind, { nullable: true, description: "A regional event's kind." })
  eventKind!: string | null;

  @Field(() => String, { nullable: true, description: "A regional event's title." })
  title!: string | null;
}

@ObjectType({
  simpleResolvers: true,
  description:
    'Visits of at least two municipalities that overlap or lie within the window of each other: a joint mission in the making.',
})
export class OverlappingGroup {
  @Field(() => LocalDateScalar)
  startDate!: string;

  @Field(() => LocalDateScalar)
  endDate!: string;

  @Field(() => [String])
  nisCodes!: string[];

  @Field(() => [ClusterVisit])
  visits!: ClusterVisit[];
}

@ObjectType({
  description: 'The Flemish municipalities active in one southern region, and their visits in a period.',
  simpleResolvers: true,
})
export class RegionalCluster {
  @Field(() => String, { description: 'ISO 3166-2.' })
  regionCode!: string;

  @Field(() => String)
  countryCode!: string;

  @Field(() => [ClusterMunicipality], { description: 'Twinned there, or visiting, by name.' })
  municipalities!: ClusterMunicipality[];

  @Field(() => [ClusterVisit], { description: 'In date order.' })
  visits!: ClusterVisit[];

  @Field(() => [OverlappingGroup])
  overlappingGroups!: OverlappingGroup[];

  @Field(() => [ClusterPlan], { description: 'Joint missions proposed or approved here in the period, in date order.' })
  jointMissions!: ClusterPlan[];

  @Field(() => [ClusterPlan], {
    description: 'Regional events proposed or approved here in the period, in date order.',
  })
  regionalEvents!: ClusterPlan[];
}

@ObjectType({
  description: 'As a regional cluster, per country: visits to neighbouring regions can combine too.',
  simpleResolvers: true,
})
export class CountryCluster {
  @Field(() => String)
  countryCode!: string;

  @Field(() => [String], { description: 'The regions visited or planned in the period.' })
  regionCodes!: string[];

  @Field(() => [ClusterMunicipality])
  municipalities!: ClusterMunicipality[];

  @Field(() => [ClusterVisit])
  visits!: ClusterVisit[];

  @Field(() => [OverlappingGroup])
  overlappingGroups!: OverlappingGroup[];

  @Field(() => [ClusterPlan], { description: 'Joint missions proposed or approved here in the period, in date order.' })
  jointMissions!: ClusterPlan[];

  @Field(() => [ClusterPlan], {
    description: 'Regional events proposed or approved here in the period, in date order.',
  })
  regionalEvents!: ClusterPlan[];
}

/** Regional clusters a page at a time, in their ranking, with how many regions there are in all. */
export const RegionalClusterConnection = ConnectionOf('RegionalCluster', RegionalCluster, { counted: true });
