import { vocabulary } from '../vocabulary.js';

/** The five Flemish provinces, where the programme's municipalities lie. */
export const Provinces = vocabulary('province', [
  { code: 'ANTWERPEN', label: { nl: 'Antwerpen', en: 'Antwerp' } },
  { code: 'LIMBURG', label: { nl: 'Limburg', en: 'Limburg' } },
  { code: 'OOST_VLAANDEREN', label: { nl: 'Oost-Vlaanderen', en: 'East Flanders' } },
  { code: 'VLAAMS_BRABANT', label: { nl: 'Vlaams-Brabant', en: 'Flemish Brabant' } },
  { code: 'WEST_VLAANDEREN', label: { nl: 'West-Vlaanderen', en: 'West Flanders' } },
]);
export type Province = (typeof Provinces.codes)[number];

/** Which side of the twinning an actor belongs to. */
export const TwinningSides = vocabulary('twinning side', [
  { code: 'NORTH', label: { nl: 'Noord (Vlaamse gemeente)', en: 'North (Flemish municipality)' } },
  { code: 'SOUTH', label: { nl: 'Zuid (partnergemeente)', en: 'South (partner municipality)' } },
]);
export type TwinningSide = (typeof TwinningSides.codes)[number];

/** The kinds of actor renewal that make continuity a reason for accompaniment. */
export const ActorKinds = vocabulary('actor kind', [
  { code: 'COORDINATOR', label: { nl: 'Stedenbandcoördinator', en: 'Twinning coordinator' } },
  { code: 'COALITION', label: { nl: 'Politieke coalitie', en: 'Political coalition' } },
  { code: 'MAYOR', label: { nl: 'Burgemeester', en: 'Mayor' } },
  {
    code: 'ALDERMAN',
    label: { nl: 'Schepen bevoegd voor de stedenband', en: 'Alderman responsible for the twinning' },
  },
  { code: 'SECRETARY_GENERAL', label: { nl: 'Algemeen directeur', en: 'Secretary general' } },
  { code: 'COMMITTEE', label: { nl: 'Stedenbandcomité', en: 'Twinning committee' } },
]);
export type ActorKind = (typeof ActorKinds.codes)[number];

/** Funding programmes a visit can fall under. */
export const Programmes = vocabulary('programme', [
  { code: 'DGD_2017_2021', label: { nl: 'DGD-programma 2017–2021', en: 'DGD programme 2017–2021' } },
  { code: 'GLOBE_2022_2026', label: { nl: 'GLoBe 2022–2026', en: 'GLoBe 2022–2026' } },
  { code: 'SDG_PARTNERSHIP', label: { nl: 'SDG-partnerschap', en: 'SDG partnership' } },
  { code: 'FLEMISH_SDG_SUBSIDY', label: { nl: 'Vlaamse SDG-subsidie', en: 'Flemish SDG subsidy' } },
  { code: 'OWN_FUNDS', label: { nl: 'Eigen middelen', en: 'Own funds' } },
]);
export type Programme = (typeof Programmes.codes)[number];

export const RegionalEventKinds = vocabulary('regional event kind', [
  { code: 'CONFERENCE', label: { nl: 'Regionale conferentie', en: 'Regional conference' } },
  { code: 'WORKSHOP', label: { nl: 'Workshop', en: 'Workshop' } },
  { code: 'SOUTH_SOUTH_EXCHANGE', label: { nl: 'Zuid-zuidsamenwerking', en: 'South-south exchange' } },
]);
export type RegionalEventKind = (typeof RegionalEventKinds.codes)[number];

export const ContactChannels = vocabulary('contact channel', [
  { code: 'MEETING', label: { nl: 'Gesprek', en: 'Meeting' } },
  { code: 'PHONE', label: { nl: 'Telefoon', en: 'Phone' } },
  { code: 'EMAIL', label: { nl: 'E-mail', en: 'Email' } },
  { code: 'VIDEO_CALL', label: { nl: 'Videogesprek', en: 'Video call' } },
  { code: 'VISIT', label: { nl: 'Bezoek', en: 'Visit' } },
]);
export type ContactChannel = (typeof ContactChannels.codes)[number];

export const CostCategories = vocabulary('cost category', [
  { code: 'TRAVEL', label: { nl: 'Reis', en: 'Travel' } },
  { code: 'ALLOWANCE', label: { nl: 'Dagvergoeding', en: 'Daily allowance' } },
  { code: 'ACCOMMODATION', label: { nl: 'Verblijf', en: 'Accommodation' } },
  { code: 'VISA_INSURANCE', label: { nl: 'Visum en verzekering', en: 'Visa and insurance' } },
  { code: 'OTHER', label: { nl: 'Andere', en: 'Other' } },
]);
export type CostCategory = (typeof CostCategories.codes)[number];
