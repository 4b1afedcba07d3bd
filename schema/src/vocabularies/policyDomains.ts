import { vocabulary } from '../vocabulary.js';

/**
 * Policy domains (beleidsdomeinen) of city twinnings, as stable string codes.
 * Each maps to OECD DAC CRS purpose codes (IATI Sector vocabulary 1), so that
 * figures can be reported in the form DGD publishes the programme in. The first
 * purpose code is the primary one. Youth has no CRS code: it is tracked in our
 * own vocabulary and through SDG tags (goals 4 and 8).
 */
export const PolicyDomains = vocabulary('policy domain', [
  {
    code: 'CIVIL_REGISTRATION',
    dacPurposeCodes: ['13096', '15185'],
    sdgs: [16],
    label: { nl: 'Burgerlijke stand en bevolking', en: 'Civil registration and population services' },
  },
  {
    code: 'LOCAL_GOVERNANCE',
    dacPurposeCodes: ['15185', '15112'],
    sdgs: [16],
    label: { nl: 'Lokaal bestuur en decentralisatie', en: 'Local governance and decentralisation' },
  },
  {
    code: 'LOCAL_TAXES',
    dacPurposeCodes: ['15114'],
    sdgs: [17],
    label: { nl: 'Lokale belastingen', en: 'Local taxes and revenue' },
  },
  {
    code: 'LOCAL_ECONOMY',
    dacPurposeCodes: ['25010', '32130', '31120', '31320'],
    sdgs: [8],
    label: { nl: 'Lokale economie, markten en landbouw', en: 'Local economy, markets and agriculture' },
  },
  {
    code: 'WASTE_MANAGEMENT',
    dacPurposeCodes: ['14050'],
    sdgs: [11, 12],
    label: { nl: 'Afvalbeheer', en: 'Waste management' },
  },
  {
    code: 'WATER',
    dacPurposeCodes: ['14030'],
    sdgs: [6],
    label: { nl: 'Water en irrigatie', en: 'Water and irrigation' },
  },
  {
    code: 'ENVIRONMENT_CLIMATE',
    dacPurposeCodes: ['41010', '23210'],
    sdgs: [7, 13, 15],
    label: { nl: 'Milieu, klimaat en energie', en: 'Environment, climate and energy' },
  },
  {
    code: 'GENDER',
    dacPurposeCodes: ['15170'],
    sdgs: [5],
    label: { nl: 'Gender', en: 'Gender equality' },
  },
  {
    code: 'PARTICIPATION',
    dacPurposeCodes: ['15150'],
    sdgs: [16],
    label: { nl: 'Participatie', en: 'Citizen participation' },
  },
  {
    code: 'YOUTH',
    dacPurposeCodes: [],
    sdgs: [4, 8],
    label: { nl: 'Jeugd', en: 'Youth' },
  },
  {
    code: 'DIGITALISATION',
    dacPurposeCodes: ['22040', '15185'],
    sdgs: [9, 16],
    label: { nl: 'Digitalisering', en: 'Digitalisation' },
  },
  {
    code: 'EDUCATION_LIBRARY',
    dacPurposeCodes: ['11130', '16061'],
    sdgs: [4],
    label: { nl: 'Onderwijs en bibliotheek', en: 'Education and library' },
  },
  {
    code: 'HEALTH_WELFARE',
    dacPurposeCodes: ['12110', '16010'],
    sdgs: [3],
    label: { nl: 'Gezondheid en welzijn', en: 'Health and welfare' },
  },
  {
    code: 'LAND_REGISTRY',
    dacPurposeCodes: ['43030'],
    sdgs: [11],
    label: { nl: 'Kadaster en ruimtelijke ordening', en: 'Cadastre and urban planning' },
  },
]);
export type PolicyDomain = (typeof PolicyDomains.codes)[number];
