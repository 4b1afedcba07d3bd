import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalizedLabel } from '../analytics/policyDomain.type.js';
import { AdditionalReason, Decision, DeclineReason } from '../graphql/enums.js';
import { LocalDateScalar } from '../graphql/localDate.js';

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
export class DraftAssessment {
  @Field(() => Decision)
  recommendation!: string;

  @Field(() => DeclineReason, { nullable: true })
  declineReason!: string | null;

  @Field(() => Boolean, { description: 'Enough additional reasons for the mission type.' })
  opportune!: boolean;

  @Field(() => Int, { description: 'Additional reasons the mission type needs: its rank minus one.' })
  requiredReasons!: number;

  @Field(() => [AdditionalReason], { description: 'The reasons the municipality claims.' })
  claimedReasons!: string[];

  @Field(() => [DerivedReason], { description: 'Reasons the platform established itself, each with why.' })
  derivedReasons!: DerivedReason[];

  @Field(() => [AdditionalReason], { description: 'Claimed or derived: the reasons that count.' })
  satisfiedReasons!: string[];

  @Field(() => Boolean)
  staffTimeAvailable!: boolean;

  @Field(() => Boolean)
  budgetAvailable!: boolean;

  @Field(() => Float, { description: 'Preparation, visit and processing days.' })
  daysNeeded!: number;

  @Field(() => Float, { nullable: true, description: 'The estimated cost; null for coordinators.' })
  estimatedCostEur!: number | null;

  @Field(() => [String], {
    description: "Why, in Dutch; for coordinators without staff members' names or euro figures.",
  })
  explanation!: string[];

  @Field(() => [String], { description: 'The same explanation in English.' })
  explanationEn!: string[];

  @Field(() => String)
  policyVersion!: string;

  @Field(() => LocalDateScalar)
  assessedOn!: string;
}
