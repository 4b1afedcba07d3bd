/** A point on the globe in decimal degrees (WGS 84): north and east positive. */
export interface GeoPoint {
  readonly latitude: number;
  readonly longitude: number;
}

/** A partner municipality in the South, where the map draws its region's circle. */
export interface PartnerPlace extends GeoPoint {
  /** As twinnings name their partner (`partnerName`). */
  readonly name: string;
  /** ISO 3166-2 subdivision the partner lies in. */
  readonly regionCode: string;
  /** Where the coordinate comes from: the English Wikipedia article whose infobox gives it. */
  readonly source: string;
}

const wiki = (article: string) => `en.wikipedia.org/wiki/${article}`;

/**
 * Approximate coordinates of the programme's partner municipalities (the town,
 * or a district's or metropolitan municipality's seat), for the map of the
 * partner regions (issue 13). Public data: each is the coordinate of the
 * article named in `source` (its infobox, as GeoHack and GeoNames give it),
 * rounded to 0.01° (about a kilometre), which is as precise as a circle on a
 * map of a continent needs. The partners are those of the twinnings in
 * REFERENCE-DATA.md and the demo's fictional pairs; a partner not listed here is
 * drawn at its region's listed partners (see `regionPoint`).
 */
export const partnerPlaces: readonly PartnerPlace[] = [
  // Benin
  { name: 'Bohicon', regionCode: 'BJ-ZO', latitude: 7.18, longitude: 2.07, source: wiki('Bohicon') },
  { name: 'Za-Kpota', regionCode: 'BJ-ZO', latitude: 7.23, longitude: 2.2, source: wiki('Za-Kpota') },
  { name: 'Djidja', regionCode: 'BJ-ZO', latitude: 7.34, longitude: 1.93, source: wiki('Djidja') },
  { name: 'Toucountouna', regionCode: 'BJ-AK', latitude: 10.5, longitude: 1.38, source: wiki('Toucountouna') },
  { name: 'Pèrèrè', regionCode: 'BJ-BO', latitude: 9.8, longitude: 2.99, source: wiki('Pèrèrè') },
  { name: 'Nikki', regionCode: 'BJ-BO', latitude: 9.94, longitude: 3.21, source: wiki('Nikki,_Benin') },
  { name: 'Dogbo', regionCode: 'BJ-KO', latitude: 6.8, longitude: 1.78, source: wiki('Dogbo-Tota') },
  { name: 'Lalo', regionCode: 'BJ-KO', latitude: 6.92, longitude: 1.88, source: wiki('Lalo,_Benin') },
  { name: 'Comé', regionCode: 'BJ-MO', latitude: 6.4, longitude: 1.88, source: wiki('Comé') },
  // Senegal
  { name: 'Tambacounda', regionCode: 'SN-TC', latitude: 13.77, longitude: -13.67, source: wiki('Tambacounda') },
  { name: 'Koumpentoum', regionCode: 'SN-TC', latitude: 13.98, longitude: -14.55, source: wiki('Koumpentoum') },
  { name: 'Sokone', regionCode: 'SN-FK', latitude: 13.88, longitude: -16.37, source: wiki('Sokone') },
  { name: 'Foundiougne', regionCode: 'SN-FK', latitude: 14.13, longitude: -16.47, source: wiki('Foundiougne') },
  // Morocco: Hasselt's partner is two towns; the point lies between Outat El Haj (33.35, -3.70) and Missour (33.05, -3.99).
  {
    name: 'Outat Oulad El Haj en Missour',
    regionCode: 'MA-03',
    latitude: 33.2,
    longitude: -3.85,
    source: `${wiki('Outat_El_Haj')}; ${wiki('Missour')}`,
  },
  { name: 'Nador', regionCode: 'MA-02', latitude: 35.17, longitude: -2.93, source: wiki('Nador') },
  { name: 'Chefchaouen', regionCode: 'MA-01', latitude: 35.17, longitude: -5.27, source: wiki('Chefchaouen') },
  // South Africa: local and metropolitan municipalities at their seats.
  {
    name: 'Witzenberg',
    regionCode: 'ZA-WC',
    latitude: -33.37,
    longitude: 19.31,
    source: `${wiki('Witzenberg_Local_Municipality')} (seat: Ceres)`,
  },
  {
    name: 'Bergrivier',
    regionCode: 'ZA-WC',
    latitude: -32.9,
    longitude: 18.76,
    source: `${wiki('Bergrivier_Local_Municipality')} (seat: Piketberg)`,
  },
  { name: 'Stellenbosch', regionCode: 'ZA-WC', latitude: -33.93, longitude: 18.86, source: wiki('Stellenbosch') },
  {
    name: 'Drakenstein',
    regionCode: 'ZA-WC',
    latitude: -33.73,
    longitude: 18.96,
    source: `${wiki('Drakenstein_Local_Municipality')} (seat: Paarl)`,
  },
  { name: 'Nquthu', regionCode: 'ZA-KZN', latitude: -28.22, longitude: 30.67, source: wiki('Nquthu') },
  {
    name: 'Mangaung',
    regionCode: 'ZA-FS',
    latitude: -29.12,
    longitude: 26.21,
    source: `${wiki('Mangaung_Metropolitan_Municipality')} (seat: Bloemfontein)`,
  },
  {
    name: 'Tshwane',
    regionCode: 'ZA-GP',
    latitude: -25.75,
    longitude: 28.19,
    source: `${wiki('City_of_Tshwane_Metropolitan_Municipality')} (seat: Pretoria)`,
  },
  // Nicaragua
  { name: 'Nueva Guinea', regionCode: 'NI-AS', latitude: 11.69, longitude: -84.46, source: wiki('Nueva_Guinea') },
  {
    name: 'Santo Tomás',
    regionCode: 'NI-CO',
    latitude: 12.07,
    longitude: -85.09,
    source: wiki('Santo_Tomás,_Chontales'),
  },
  { name: 'Ciudad Darío', regionCode: 'NI-MT', latitude: 12.73, longitude: -86.12, source: wiki('Ciudad_Darío') },
  {
    name: 'San Ramón',
    regionCode: 'NI-MT',
    latitude: 12.92,
    longitude: -85.84,
    source: wiki('San_Ramón,_Matagalpa'),
  },
  { name: 'Matiguás', regionCode: 'NI-MT', latitude: 12.84, longitude: -85.46, source: wiki('Matiguás') },
  // Guatemala: Nimlaha'kok is a community of Cobán; the point is Cobán's.
  { name: "Nimlaha'kok", regionCode: 'GT-16', latitude: 15.47, longitude: -90.37, source: wiki('Cobán') },
  {
    name: 'San Pedro Carchá',
    regionCode: 'GT-16',
    latitude: 15.48,
    longitude: -90.31,
    source: wiki('San_Pedro_Carchá'),
  },
  // Peru, Bolivia, Ecuador
  {
    name: 'San Jerónimo (Cusco)',
    regionCode: 'PE-CUS',
    latitude: -13.54,
    longitude: -71.88,
    source: wiki('San_Jerónimo_District,_Cusco'),
  },
  { name: 'Tarija', regionCode: 'BO-T', latitude: -21.53, longitude: -64.73, source: wiki('Tarija') },
  { name: 'Guaranda', regionCode: 'EC-B', latitude: -1.59, longitude: -79.0, source: wiki('Guaranda') },
  {
    name: 'San Felipe de Oña',
    regionCode: 'EC-A',
    latitude: -3.47,
    longitude: -79.17,
    source: wiki('Oña_Canton'),
  },
  { name: 'Nabón', regionCode: 'EC-A', latitude: -3.33, longitude: -79.07, source: wiki('Nabón_Canton') },
  // Botswana, Namibia
  { name: 'Francistown', regionCode: 'BW-FR', latitude: -21.17, longitude: 27.51, source: wiki('Francistown') },
  { name: 'Ongwediva', regionCode: 'NA-ON', latitude: -17.78, longitude: 15.77, source: wiki('Ongwediva') },
  // Rwanda: districts at their seats.
  {
    name: 'Karongi',
    regionCode: 'RW-04',
    latitude: -2.06,
    longitude: 29.35,
    source: `${wiki('Karongi_District')} (seat: Kibuye)`,
  },
  { name: 'Nyanza', regionCode: 'RW-05', latitude: -2.35, longitude: 29.75, source: wiki('Nyanza,_Rwanda') },
  {
    name: 'Bugesera',
    regionCode: 'RW-02',
    latitude: -2.15,
    longitude: 30.09,
    source: `${wiki('Bugesera_District')} (seat: Nyamata)`,
  },
  {
    name: 'Gatsibo',
    regionCode: 'RW-02',
    latitude: -1.6,
    longitude: 30.4,
    source: `${wiki('Gatsibo_District')} (seat: Kabarore)`,
  },
];

const key = (name: string, regionCode: string) => `${regionCode} ${name.normalize('NFC').toLowerCase()}`;
const byName = new Map(partnerPlaces.map((p) => [key(p.name, p.regionCode), p]));

/** A partner's place, by its name as a twinning gives it and its region; undefined when not listed. */
export function partnerPlace(name: string, regionCode: string): PartnerPlace | undefined {
  return byName.get(key(name, regionCode));
}

/**
 * Where a region's circle stands: the mean of its partners' places (those of
 * the twinnings given, else every listed partner of the region), so a region
 * with two partners is drawn between them; undefined when none is listed.
 *
 * @example regionPoint('BJ-ZO', ['Bohicon']) // { latitude: 7.18, longitude: 2.07 }
 */
export function regionPoint(regionCode: string, partnerNames: readonly string[]): GeoPoint | undefined {
  const named = partnerNames.flatMap((n) => partnerPlace(n, regionCode) ?? []);
  const places = named.length > 0 ? named : partnerPlaces.filter((p) => p.regionCode === regionCode);
  if (places.length === 0) return undefined;
  const mean = (f: (p: PartnerPlace) => number) =>
    Math.round((places.reduce((sum, p) => sum + f(p), 0) / places.length) * 100) / 100;
  return { latitude: mean((p) => p.latitude), longitude: mean((p) => p.longitude) };
}
