import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionOf } from '../graphql/connection.js';
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

export const LessonConnection = ConnectionOf('Lesson', Lesson);
