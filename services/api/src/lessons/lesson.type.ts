import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../graphql/connection.js';
import { DacCriterion, Language, LessonLevel, MissionType, Phase } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';
import { StaffRef } from '../registry/registry.type.js';

@ObjectType({ description: 'A lesson learned from a mission; a good practice when promoted.' })
export class Lesson {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  missionId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;

  @Field(() => Language)
  language!: string;

  @Field(() => LessonLevel)
  level!: string;

  @Field(() => Phase)
  phase!: string;

  @Field(() => [String], { description: 'Policy-domain codes, e.g. "WASTE_MANAGEMENT".' })
  policyDomains!: string[];

  @Field(() => [Int], { description: 'Sustainable Development Goals, 1 to 17.' })
  sdgs!: number[];

  @Field(() => [DacCriterion])
  dacCriteria!: string[];

  @Field(() => MissionType, { nullable: true, description: "The mission's type when the lesson was recorded." })
  missionType!: string | null;

  @Field(() => String, { nullable: true })
  regionCode!: string | null;

  @Field(() => String, { nullable: true })
  countryCode!: string | null;

  /** The mission's municipalities; `municipalities` adds their names. */
  nisCodes!: string[];

  @Field(() => LocalDateScalar)
  recordedOn!: string;

  @Field(() => StaffRef)
  author!: StaffRef;

  @Field(() => Boolean)
  goodPractice!: boolean;

  @Field(() => LocalDateScalar, { nullable: true })
  promotedOn!: string | null;

  @Field(() => Boolean)
  retracted!: boolean;

  @Field(() => String, { nullable: true })
  retractionReason!: string | null;

  @Field(() => Int, { description: 'How often the lesson was edited.' })
  editedCount!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Relevance to the search text, higher is better; comparable only within one search. Null without search.',
  })
  rank!: number | null;
}

@ObjectType({
  description:
    'Where a search matched a lesson. Each match stands between U+E000 and U+E001 (private-use characters): split on them to mark the matches, never read the text as HTML.',
  simpleResolvers: true,
})
export class LessonHighlight {
  @Field(() => String, { description: 'The whole title, its matches marked.' })
  title!: string;

  @Field(() => String, {
    description: 'The part of the body around the best matches, marked; "… " and " …" where it cuts the body.',
  })
  snippet!: string;
}

// simpleResolvers: plain data, as ConnectionOf's edges (see connection.ts).
@ObjectType('LessonEdge', { simpleResolvers: true })
export class LessonEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Lesson)
  node!: Lesson;

  @Field(() => LessonHighlight, {
    nullable: true,
    description:
      "The matches of this search in the lesson's title and body; null without search text. On the edge, not the lesson: it belongs to the search.",
  })
  highlight!: LessonHighlight | null;
}

/** ConnectionOf's shape with `totalCount`, and a highlight on every edge of a search. */
@ObjectType('LessonConnection')
export class LessonConnection {
  @Field(() => [LessonEdge])
  edges!: LessonEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, {
    description: 'How many lessons match the search and filter, on every page; counted when asked for.',
  })
  totalCount!: number;
}

@ObjectType({ description: 'How many lessons of a list have one value of a facet.', simpleResolvers: true })
export class LessonFacetCount {
  @Field(() => String, {
    description: 'The code (policy domain, country, region, …); "true" or "false" for goodPractice.',
  })
  value!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description:
    "The values of each facet with their counts, most first, among the lessons that the search and every other facet's filter leave: choosing one value gives a list of exactly that many lessons.",
  simpleResolvers: true,
})
export class LessonFacets {
  @Field(() => [LessonFacetCount])
  policyDomains!: LessonFacetCount[];

  @Field(() => [LessonFacetCount])
  countries!: LessonFacetCount[];

  @Field(() => [LessonFacetCount])
  regions!: LessonFacetCount[];

  @Field(() => [LessonFacetCount])
  missionTypes!: LessonFacetCount[];

  @Field(() => [LessonFacetCount])
  phases!: LessonFacetCount[];

  @Field(() => [LessonFacetCount])
  levels!: LessonFacetCount[];

  @Field(() => [LessonFacetCount])
  goodPractice!: LessonFacetCount[];
}
