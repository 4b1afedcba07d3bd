import {
  Activities,
  AdditionalReasons,
  DacCriteria,
  DeclineReasons,
  Decisions,
  LessonLevels,
  MissionTypes,
  Phases,
  Provinces,
  RequestStatuses,
  Roles,
  TwinningSides,
  ActorKinds,
  Languages,
  RegionalEventKinds,
  DataSubjectKinds,
  ErasureReasons,
  ErasureStatuses,
  type Vocabulary,
  type VocabularyEntry,
} from '@werkbezoek/schema';
import { registerEnumType } from 'type-graphql';

/** A GraphQL enum from a vocabulary: the codes, each described by its Dutch and English label. */
function enumOf<C extends string>(
  vocabulary: Vocabulary<C, VocabularyEntry<C>>,
  name: string,
  description: string,
): Record<C, C> {
  const values = Object.fromEntries(vocabulary.codes.map((c) => [c, c])) as Record<C, C>;
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      vocabulary.entries.map((e) => [e.code, { description: `${e.label.nl} / ${e.label.en}` }]),
    ) as never,
  });
  return values;
}

export const MissionType = enumOf(
  MissionTypes,
  'MissionType',
  'The purpose of a visit (finaliteit), in order of how relevant VVSG accompaniment is.',
);
export const AdditionalReason = enumOf(
  AdditionalReasons,
  'AdditionalReason',
  'Additional reasons (bijkomende redenen) for accompaniment.',
);
export const DeclineReason = enumOf(DeclineReasons, 'DeclineReason', 'The grounds on which VVSG may decline.');
export const Decision = enumOf(Decisions, 'Decision', 'Accept or decline a request.');
export const LessonLevel = enumOf(LessonLevels, 'LessonLevel', 'The level a lesson learned speaks of.');
export const Phase = enumOf(Phases, 'Phase', 'The phase of a visit.');
export const Activity = enumOf(Activities, 'Activity', 'What a VVSG staff member can do in each phase.');
export const Province = enumOf(Provinces, 'Province', 'The Flemish provinces.');
export const Role = enumOf(Roles, 'Role', "The roles of the platform's users.");
export const TwinningSide = enumOf(
  TwinningSides,
  'TwinningSide',
  'North (the Flemish municipality) or South (the partner).',
);
export const ActorKind = enumOf(ActorKinds, 'ActorKind', 'Kinds of actors whose renewal matters for continuity.');
export const DacCriterion = enumOf(DacCriteria, 'DacCriterion', 'OECD-DAC evaluation criteria.');
export const RegionalEventKind = enumOf(
  RegionalEventKinds,
  'RegionalEventKind',
  'What a proactive regional event is: a conference, a workshop or a south-south exchange.',
);
export const Language = enumOf(Languages, 'Language', 'The language a text is written in.');

export const RequestStatus = enumOf(RequestStatuses, 'RequestStatus', 'Where a request stands.');

export const DataSubjectKind = enumOf(
  DataSubjectKinds,
  'DataSubjectKind',
  'The role a person (or a record with text of its own) plays in the events: what an erasure names instead of them.',
);
export const ErasureReason = enumOf(ErasureReasons, 'ErasureReason', 'Why the data of a person is erased.');
export const ErasureStatus = enumOf(ErasureStatuses, 'ErasureStatus', 'Where the erasure of a data subject stands.');

export const MissionStatus = { SCHEDULED: 'SCHEDULED', COMPLETED: 'COMPLETED', CANCELLED: 'CANCELLED' } as const;
registerEnumType(MissionStatus, { name: 'MissionStatus', description: 'Where an accompanied mission stands.' });
