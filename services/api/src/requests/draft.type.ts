import { Field, ObjectType } from 'type-graphql';
import { LocalizedLabel } from '../analytics/policyDomain.type.js';
import { AdditionalReason } from '../graphql/enums.js';
import { AssessmentOutcome } from './request.type.js';

@ObjectType({ description: 'A reason the platform established itself, and why it holds.', simpleResolvers: true })
export class DerivedReason {
  @Field(() => AdditionalReason)
  reason!: string;

  @Field(() => LocalizedLabel, { nullable: true, description: 'Why it holds, in Dutch and English.' })
  why!: LocalizedLabel | null;
}

@ObjectType({
  description:
    'What submitting a request would record as its assessment, computed without storing anything. Coordinators get no staff names and no euro figures.',
  simpleResolvers: true,
})
export class DraftAssessment extends AssessmentOutcome {
  @Field(() => [AdditionalReason], { description: 'The reasons the municipality claims.' })
  claimedReasons!: string[];

  @Field(() => [DerivedReason], { description: 'Reasons the platform established itself, each with why.' })
  derivedReasons!: DerivedReason[];
}
