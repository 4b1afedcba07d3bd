import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A text in Dutch and English.' })
export class LocalizedLabel {
  @Field(() => String)
  nl!: string;

  @Field(() => String)
  en!: string;
}

@ObjectType({ description: 'A policy domain (beleidsdomein) of the catalogue.' })
export class PolicyDomainInfo {
  @Field(() => String, { description: 'The code events and filters use, e.g. "WASTE_MANAGEMENT".' })
  code!: string;

  @Field(() => LocalizedLabel)
  label!: LocalizedLabel;

  @Field(() => [String], { description: 'OECD DAC CRS purpose codes; the first is the primary one.' })
  dacPurposeCodes!: string[];

  @Field(() => [Int], { description: 'The Sustainable Development Goals it contributes to.' })
  sdgs!: number[];
}
