import { vocabulary } from '../vocabulary.js';

/**
 * Whose personal data the platform holds, by the role a person plays in the
 * events (see `dataSubjectKindOf`): what an erasure names instead of the
 * person, so the erasure itself holds nothing personal.
 */
export const DataSubjectKinds = vocabulary('data subject kind', [
  { code: 'CONTACT_PERSON', label: { nl: 'Contactpersoon van een aanvraag', en: "A request's contact person" } },
  { code: 'STAFF_MEMBER', label: { nl: 'VVSG-medewerker', en: 'VVSG staff member' } },
  { code: 'TWINNING_ACTOR', label: { nl: 'Actor van een stedenband', en: 'Twinning actor' } },
  { code: 'CONTACTED_PERSON', label: { nl: 'Gesprekspartner', en: 'Person contacted' } },
  { code: 'DOCUMENT', label: { nl: 'Auteur of persoon in een document', en: 'Author of or person in a document' } },
]);
export type DataSubjectKind = (typeof DataSubjectKinds.codes)[number];

/** Why a person's data is erased: codes only, so the reason never carries personal data itself. */
export const ErasureReasons = vocabulary('erasure reason', [
  {
    code: 'DATA_SUBJECT_REQUEST',
    label: { nl: 'Verzoek van de betrokkene (art. 17 AVG)', en: 'Request by the data subject (GDPR art. 17)' },
  },
  { code: 'RETENTION_EXPIRED', label: { nl: 'Bewaartermijn verstreken', en: 'Retention period expired' } },
  { code: 'UNLAWFUL_PROCESSING', label: { nl: 'Onrechtmatige verwerking', en: 'Unlawful processing' } },
  { code: 'CONSENT_WITHDRAWN', label: { nl: 'Toestemming ingetrokken', en: 'Consent withdrawn' } },
  { code: 'OTHER', label: { nl: 'Andere (zie dossiernummer)', en: 'Other (see case reference)' } },
]);
export type ErasureReason = (typeof ErasureReasons.codes)[number];

/** Where an erasure stands. */
export const ErasureStatuses = vocabulary('erasure status', [
  { code: 'PENDING', label: { nl: 'Wacht op bevestiging', en: 'Awaiting confirmation' } },
  { code: 'ERASED', label: { nl: 'Gewist', en: 'Erased' } },
  { code: 'CANCELLED', label: { nl: 'Geannuleerd', en: 'Cancelled' } },
]);
export type ErasureStatus = (typeof ErasureStatuses.codes)[number];
