import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '../graphql/localDate.js';

@ObjectType({ description: 'A point in decimal degrees (WGS 84).' })
export class GeoPoint {
  @Field(() => Float)
  latitude!: number;

  @Field(() => Float)
  longitude!: number;
}

@ObjectType({ description: 'A Flemish municipality twinned with a partner in the region.' })
export class RegionMapTwinning {
  @Field(() => String)
  nisCode!: string;

  @Field(() => String, { nullable: true })
  name!: string | null;

  @Field(() => String)
  partnerName!: string;
}

@ObjectType({
  description:
    'A southern region on the map of the partner regions (issue 13): its twinnings, its visits in the period, and how long ago VVSG last accompanied a visit there.',
})
export class RegionMapEntry {
  @Field(() => String, { description: 'ISO 3166-2.' })
  regionCode!: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2.' })
  countryCode!: string;

  @Field(() => [RegionMapTwinning], {
    description: 'The twinnings running at some time in the period, by municipality.',
  })
  twinnings!: RegionMapTwinning[];

  @Field(() => Int, { description: 'How many twinnings ran at some time in the period.' })
  activeTwinnings!: number;

  @Field(() => Int, {
    description:
      'Visits whose dates meet the period: open or accepted requests and missions not cancelled (as the clusters count them).',
  })
  visits!: number;

  @Field(() => Int, { description: 'Of those, the missions: visits VVSG accompanies.' })
  accompaniedVisits!: number;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      'The end of the last mission to the region that had started by today (capped at today); null when never.',
  })
  lastAccompaniedOn!: string | null;

  @Field(() => Int, { nullable: true, description: 'Whole months from lastAccompaniedOn to today; null when never.' })
  monthsSinceLastAccompaniment!: number | null;

  @Field(() => GeoPoint, {
    nullable: true,
    description:
      "Where the region's circle stands: between its partners' places (public coordinates, with their source, in the schema package's partner places); null when none is known.",
  })
  point!: GeoPoint | null;
}
