import { vocabulary } from '../vocabulary.js';

/**
 * The visit's purpose (finaliteit), the first factor in VVSG's decision.
 * `rank` is the order of relevance in the source document: the lower a type
 * stands, the more additional reasons VVSG needs before it takes part.
 */
export const MissionTypes = vocabulary('mission type', [
  { code: 'IDENTIFICATION', rank: 1, label: { nl: 'Identificatiemissie', en: 'Identification mission' } },
  { code: 'EVALUATION', rank: 2, label: { nl: 'Evaluatiemissie', en: 'Evaluation mission' } },
  { code: 'TECHNICAL', rank: 3, label: { nl: 'Technische missie', en: 'Technical mission' } },
  { code: 'POLITICAL', rank: 4, label: { nl: 'Politieke missie', en: 'Political mission' } },
]);
export type MissionType = (typeof MissionTypes.codes)[number];
