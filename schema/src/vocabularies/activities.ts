import { vocabulary } from '../vocabulary.js';

export const Phases = vocabulary('phase', [
  { code: 'PREPARATION', label: { nl: 'Voorbereiding', en: 'Preparation' } },
  { code: 'DURING', label: { nl: 'Tijdens het werkbezoek', en: 'During the visit' } },
  { code: 'PROCESSING', label: { nl: 'Verwerking', en: 'Processing afterwards' } },
]);
export type Phase = (typeof Phases.codes)[number];

/** The thirteen activities the source document lists, each in its phase. */
export const Activities = vocabulary('activity', [
  {
    code: 'INFO_EXCHANGE_COUNCIL_SERVICES',
    phase: 'PREPARATION',
    label: {
      nl: 'Informatie-uitwisseling met het bestuur en de diensten over de rol van de VVSG en het programma',
      en: 'Information exchange with council and services on the role of VVSG and the programme',
    },
  },
  {
    code: 'TERMS_OF_REFERENCE',
    phase: 'PREPARATION',
    label: {
      nl: 'Begeleiding bij het opstellen van referentietermen',
      en: 'Guidance in drafting the terms of reference',
    },
  },
  {
    code: 'SUPRA_LOCAL_CONTACT',
    phase: 'PREPARATION',
    label: { nl: 'Contact met relevante bovenlokale actoren', en: 'Contact with relevant supra-local actors' },
  },
  {
    code: 'PREPARATORY_TRAINING',
    phase: 'PREPARATION',
    label: {
      nl: 'Voorbereidende vormingen en infovergaderingen met de delegatieleden',
      en: 'Preparatory training and information meetings with the delegation',
    },
  },
  {
    code: 'DELEGATION_MEETINGS',
    phase: 'DURING',
    label: {
      nl: 'Deelname aan vergaderingen in het programma van de delegatie',
      en: "Taking part in the delegation's meetings",
    },
  },
  {
    code: 'FIELD_VISITS',
    phase: 'DURING',
    label: { nl: 'Deelname aan terreinbezoeken', en: 'Taking part in field visits' },
  },
  {
    code: 'KEY_FIGURE_INTERVIEWS',
    phase: 'DURING',
    label: {
      nl: 'Individuele interviews met sleutelfiguren in bestuur en diensten',
      en: 'Individual interviews with key figures in council and services',
    },
  },
  {
    code: 'PARTNER_ROLE_EXCHANGE',
    phase: 'DURING',
    label: {
      nl: 'Informatie-uitwisseling met de Zuidelijke partner over de rol van de VVSG-medewerker',
      en: "Information exchange with the southern partner on the staff member's role",
    },
  },
  {
    code: 'SUPRA_LOCAL_CONSULTATION',
    phase: 'DURING',
    label: {
      nl: 'Overleg met bovenlokale actoren (ambassades, internationale instellingen)',
      en: 'Consultation with supra-local actors (embassies, international institutions)',
    },
  },
  {
    code: 'EVALUATION_MEETING',
    phase: 'DURING',
    label: {
      nl: 'Begeleiden van een evaluatievergadering tijdens het werkbezoek',
      en: 'Guiding an evaluation meeting during the visit',
    },
  },
  {
    code: 'PERSONAL_REPORT',
    phase: 'PROCESSING',
    label: { nl: 'Persoonlijk verslag van het werkbezoek', en: 'Personal report of the visit' },
  },
  {
    code: 'FEEDBACK_LESSONS',
    phase: 'PROCESSING',
    label: {
      nl: "Terugkoppeling over de bevindingen en de 'lessons learned'",
      en: 'Feedback on findings and lessons learned',
    },
  },
  {
    code: 'EVALUATION_MOMENTS',
    phase: 'PROCESSING',
    label: {
      nl: 'Begeleiding van (interne) evaluatiemomenten na het werkbezoek',
      en: 'Guiding (internal) evaluation moments after the visit',
    },
  },
]);
export type Activity = (typeof Activities.codes)[number];
