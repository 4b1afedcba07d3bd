import { vocabulary } from '../vocabulary.js';

/** The source document's two levels of lessons learned. */
export const LessonLevels = vocabulary('lesson level', [
  { code: 'PROCESS', label: { nl: 'Procesmatig niveau', en: 'Process level' } },
  { code: 'RESULTS', label: { nl: 'Resultaatsniveau', en: 'Results level' } },
]);
export type LessonLevel = (typeof LessonLevels.codes)[number];

/** OECD-DAC evaluation criteria, used as a facet on lessons. */
export const DacCriteria = vocabulary('DAC evaluation criterion', [
  { code: 'RELEVANCE', label: { nl: 'Relevantie', en: 'Relevance' } },
  { code: 'COHERENCE', label: { nl: 'Coherentie', en: 'Coherence' } },
  { code: 'EFFECTIVENESS', label: { nl: 'Doeltreffendheid', en: 'Effectiveness' } },
  { code: 'EFFICIENCY', label: { nl: 'Doelmatigheid', en: 'Efficiency' } },
  { code: 'IMPACT', label: { nl: 'Impact', en: 'Impact' } },
  { code: 'SUSTAINABILITY', label: { nl: 'Duurzaamheid', en: 'Sustainability' } },
]);
export type DacCriterion = (typeof DacCriteria.codes)[number];

export const Languages = vocabulary('language', [
  { code: 'nl', label: { nl: 'Nederlands', en: 'Dutch' } },
  { code: 'en', label: { nl: 'Engels', en: 'English' } },
  { code: 'fr', label: { nl: 'Frans', en: 'French' } },
  { code: 'es', label: { nl: 'Spaans', en: 'Spanish' } },
]);
export type ContentLanguage = (typeof Languages.codes)[number];
