import type { PolicyDomain, Province } from '@werkbezoek/schema';

/**
 * The demo's reference data: the known twinnings of REFERENCE-DATA.md with
 * their municipalities' NIS codes (checked against Statbel's 2019–2024 list),
 * and plausible fictional pairs that complete the regional clusters. Dates
 * and policy domains not given by a source are invented, consistently. All
 * the history generated on top of them is synthetic.
 */

export interface MunicipalitySeed {
  readonly nisCode: string;
  readonly name: string;
  readonly province: Province;
}

export interface TwinningSeed {
  /** Stable key, for deterministic ids and lookups. */
  readonly key: string;
  readonly nisCode: string;
  readonly partnerName: string;
  readonly countryCode: string;
  readonly regionCode: string;
  /** When the twinning started (may lie before the platform's history begins in 2017). */
  readonly since: string;
  readonly policyDomains: readonly PolicyDomain[];
  /** A known pair from a public source (false: invented for the demo). */
  readonly known: boolean;
  /** Expected requests for accompaniment per year while the programme funds the country. */
  readonly activity: number;
  /** One of the SDG partnerships piloted in Benin and Rwanda (2024–25). */
  readonly sdgPartnership?: boolean;
  /** The twinning ended (for instance when federal funding for the country stopped). */
  readonly ended?: { readonly on: string; readonly reason: string };
}

export const municipalities: readonly MunicipalitySeed[] = [
  // Known pairs (REFERENCE-DATA.md)
  { nisCode: '11055', name: 'Zoersel', province: 'ANTWERPEN' },
  // Merged with Melle into Merelbeke-Melle on 2025-01-01; the demo keeps the code 44043.
  { nisCode: '44043', name: 'Merelbeke', province: 'OOST_VLAANDEREN' },
  { nisCode: '34002', name: 'Anzegem', province: 'WEST_VLAANDEREN' },
  { nisCode: '13014', name: 'Hoogstraten', province: 'ANTWERPEN' },
  { nisCode: '36015', name: 'Roeselare', province: 'WEST_VLAANDEREN' },
  { nisCode: '31022', name: 'Oostkamp', province: 'WEST_VLAANDEREN' },
  { nisCode: '46021', name: 'Sint-Niklaas', province: 'OOST_VLAANDEREN' },
  { nisCode: '23096', name: 'Zemst', province: 'VLAAMS_BRABANT' },
  { nisCode: '71022', name: 'Hasselt', province: 'LIMBURG' },
  { nisCode: '12025', name: 'Mechelen', province: 'ANTWERPEN' },
  { nisCode: '34022', name: 'Kortrijk', province: 'WEST_VLAANDEREN' },
  { nisCode: '11016', name: 'Essen', province: 'ANTWERPEN' },
  { nisCode: '12014', name: 'Heist-op-den-Berg', province: 'ANTWERPEN' },
  { nisCode: '12007', name: 'Bornem', province: 'ANTWERPEN' },
  { nisCode: '23016', name: 'Dilbeek', province: 'VLAAMS_BRABANT' },
  { nisCode: '44021', name: 'Gent', province: 'OOST_VLAANDEREN' },
  { nisCode: '73107', name: 'Maasmechelen', province: 'LIMBURG' },
  { nisCode: '71053', name: 'Sint-Truiden', province: 'LIMBURG' },
  { nisCode: '13025', name: 'Mol', province: 'ANTWERPEN' },
  { nisCode: '72020', name: 'Lommel', province: 'LIMBURG' },
  { nisCode: '24038', name: 'Herent', province: 'VLAAMS_BRABANT' },
  { nisCode: '11013', name: 'Edegem', province: 'ANTWERPEN' },
  { nisCode: '11008', name: 'Brasschaat', province: 'ANTWERPEN' },
  { nisCode: '44019', name: 'Evergem', province: 'OOST_VLAANDEREN' },
  { nisCode: '24011', name: 'Bierbeek', province: 'VLAAMS_BRABANT' },
  { nisCode: '71016', name: 'Genk', province: 'LIMBURG' },
  // Fictional pairs (real municipalities, invented twinnings)
  { nisCode: '46014', name: 'Lokeren', province: 'OOST_VLAANDEREN' },
  { nisCode: '34013', name: 'Harelbeke', province: 'WEST_VLAANDEREN' },
  { nisCode: '36008', name: 'Izegem', province: 'WEST_VLAANDEREN' },
  { nisCode: '34041', name: 'Wevelgem', province: 'WEST_VLAANDEREN' },
  { nisCode: '24107', name: 'Tienen', province: 'VLAAMS_BRABANT' },
  { nisCode: '11023', name: 'Kapellen', province: 'ANTWERPEN' },
  { nisCode: '72037', name: 'Hamont-Achel', province: 'LIMBURG' },
  { nisCode: '71004', name: 'Beringen', province: 'LIMBURG' },
  { nisCode: '44034', name: 'Lochristi', province: 'OOST_VLAANDEREN' },
  { nisCode: '24020', name: 'Diest', province: 'VLAAMS_BRABANT' },
  { nisCode: '12021', name: 'Lier', province: 'ANTWERPEN' },
  { nisCode: '13008', name: 'Geel', province: 'ANTWERPEN' },
  { nisCode: '31033', name: 'Torhout', province: 'WEST_VLAANDEREN' },
  { nisCode: '41002', name: 'Aalst', province: 'OOST_VLAANDEREN' },
];

const federalFundingStopped =
  'De federale financiering voor het land stopte eind 2019; de stedenband gaat verder buiten het VVSG-programma.';

export const twinnings: readonly TwinningSeed[] = [
  // Known pairs
  {
    key: 'zoersel-bohicon',
    nisCode: '11055',
    partnerName: 'Bohicon',
    countryCode: 'BJ',
    regionCode: 'BJ-ZO',
    since: '2011-01-01',
    policyDomains: ['DIGITALISATION', 'EDUCATION_LIBRARY', 'CIVIL_REGISTRATION', 'LOCAL_TAXES'],
    known: true,
    activity: 1.3,
    sdgPartnership: true,
  },
  {
    key: 'merelbeke-toucountouna',
    nisCode: '44043',
    partnerName: 'Toucountouna',
    countryCode: 'BJ',
    regionCode: 'BJ-AK',
    since: '2014-01-01',
    policyDomains: ['CIVIL_REGISTRATION', 'LOCAL_ECONOMY', 'DIGITALISATION'],
    known: true,
    activity: 1.2,
  },
  {
    key: 'anzegem-perere',
    nisCode: '34002',
    partnerName: 'Pèrèrè',
    countryCode: 'BJ',
    regionCode: 'BJ-BO',
    since: '2018-03-01',
    policyDomains: ['LOCAL_ECONOMY', 'WASTE_MANAGEMENT', 'GENDER'],
    known: true,
    activity: 1.1,
  },
  {
    key: 'hoogstraten-zakpota',
    nisCode: '13014',
    partnerName: 'Za-Kpota',
    countryCode: 'BJ',
    regionCode: 'BJ-ZO',
    since: '2009-01-01',
    policyDomains: ['LOCAL_GOVERNANCE', 'CIVIL_REGISTRATION', 'LOCAL_ECONOMY'],
    known: true,
    activity: 1.0,
  },
  {
    key: 'roeselare-dogbo',
    nisCode: '36015',
    partnerName: 'Dogbo',
    countryCode: 'BJ',
    regionCode: 'BJ-KO',
    since: '2012-01-01',
    policyDomains: ['LOCAL_TAXES', 'WASTE_MANAGEMENT', 'LOCAL_GOVERNANCE'],
    known: true,
    activity: 1.0,
  },
  {
    key: 'oostkamp-come',
    nisCode: '31022',
    partnerName: 'Comé',
    countryCode: 'BJ',
    regionCode: 'BJ-MO',
    since: '2023-02-01',
    policyDomains: ['LOCAL_GOVERNANCE', 'CIVIL_REGISTRATION'],
    known: true,
    activity: 1.4,
  },
  {
    key: 'sintniklaas-tambacounda',
    nisCode: '46021',
    partnerName: 'Tambacounda',
    countryCode: 'SN',
    regionCode: 'SN-TC',
    since: '2004-01-01',
    policyDomains: ['WASTE_MANAGEMENT', 'CIVIL_REGISTRATION'],
    known: true,
    activity: 1.2,
  },
  {
    key: 'zemst-sokone',
    nisCode: '23096',
    partnerName: 'Sokone',
    countryCode: 'SN',
    regionCode: 'SN-FK',
    since: '2009-01-01',
    policyDomains: ['LOCAL_ECONOMY', 'EDUCATION_LIBRARY', 'GENDER'],
    known: true,
    activity: 1.0,
  },
  {
    key: 'hasselt-missour',
    nisCode: '71022',
    partnerName: 'Outat Oulad El Haj en Missour',
    countryCode: 'MA',
    regionCode: 'MA-03',
    since: '2006-01-01',
    policyDomains: ['LOCAL_GOVERNANCE', 'WATER', 'YOUTH'],
    known: true,
    activity: 0.9,
  },
  {
    key: 'mechelen-nador',
    nisCode: '12025',
    partnerName: 'Nador',
    countryCode: 'MA',
    regionCode: 'MA-02',
    since: '2007-01-01',
    policyDomains: ['LOCAL_GOVERNANCE', 'EDUCATION_LIBRARY', 'LOCAL_ECONOMY', 'HEALTH_WELFARE'],
    known: true,
    activity: 1.2,
  },
  {
    key: 'kortrijk-chefchaouen',
    nisCode: '34022',
    partnerName: 'Chefchaouen',
    countryCode: 'MA',
    regionCode: 'MA-01',
    since: '2023-03-01',
    policyDomains: ['ENVIRONMENT_CLIMATE'],
    known: true,
    activity: 0.8,
  },
  {
    key: 'essen-witzenberg',
    nisCode: '11016',
    partnerName: 'Witzenberg',
    countryCode: 'ZA',
    regionCode: 'ZA-WC',
    since: '2002-01-01',
    policyDomains: ['YOUTH', 'HEALTH_WELFARE', 'WASTE_MANAGEMENT'],
    known: true,
    activity: 1.0,
  },
  {
    key: 'heist-bergrivier',
    nisCode: '12014',
    partnerName: 'Bergrivier',
    countryCode: 'ZA',
    regionCode: 'ZA-WC',
    since: '2015-01-01',
    policyDomains: ['YOUTH', 'PARTICIPATION', 'WASTE_MANAGEMENT'],
    known: true,
    activity: 1.1,
  },
  {
    key: 'bornem-nquthu',
    nisCode: '12007',
    partnerName: 'Nquthu',
    countryCode: 'ZA',
    regionCode: 'ZA-KZN',
    since: '2008-01-01',
    policyDomains: ['YOUTH', 'ENVIRONMENT_CLIMATE', 'LOCAL_ECONOMY'],
    known: true,
    activity: 1.0,
  },
  {
    key: 'dilbeek-stellenbosch',
    nisCode: '23016',
    partnerName: 'Stellenbosch',
    countryCode: 'ZA',
    regionCode: 'ZA-WC',
    since: '2002-01-01',
    policyDomains: ['YOUTH', 'WASTE_MANAGEMENT', 'LOCAL_ECONOMY'],
    known: true,
    activity: 1.0,
  },
  {
    key: 'gent-mangaung',
    nisCode: '44021',
    partnerName: 'Mangaung',
    countryCode: 'ZA',
    regionCode: 'ZA-FS',
    since: '2000-01-01',
    policyDomains: ['LOCAL_GOVERNANCE', 'PARTICIPATION'],
    known: true,
    activity: 0.8,
  },
  {
    key: 'maasmechelen-tshwane',
    nisCode: '73107',
    partnerName: 'Tshwane',
    countryCode: 'ZA',
    regionCode: 'ZA-GP',
    since: '2004-01-01',
    policyDomains: ['LOCAL_ECONOMY', 'YOUTH'],
    known: true,
    activity: 0.7,
  },
  {
    key: 'sinttruiden-nuevaguinea',
    nisCode: '71053',
    partnerName: 'Nueva Guinea',
    countryCode: 'NI',
    regionCode: 'NI-AS',
    since: '2002-01-01',
    policyDomains: ['YOUTH', 'EDUCATION_LIBRARY', 'LOCAL_ECONOMY', 'ENVIRONMENT_CLIMATE', 'WASTE_MANAGEMENT'],
    known: true,
    activity: 1.2,
  },
  {
    key: 'mol-santotomas',
    nisCode: '13025',
    partnerName: 'Santo Tomás',
    countryCode: 'NI',
    regionCode: 'NI-CO',
    since: '2001-01-01',
    policyDomains: ['WATER', 'LOCAL_ECONOMY'],
    known: true,
    activity: 0.9,
  },
  {
    key: 'lommel-ciudaddario',
    nisCode: '72020',
    partnerName: 'Ciudad Darío',
    countryCode: 'NI',
    regionCode: 'NI-MT',
    since: '2003-01-01',
    policyDomains: ['WASTE_MANAGEMENT', 'YOUTH'],
    known: true,
    activity: 0.9,
  },
  {
    key: 'herent-nimlahakok',
    nisCode: '24038',
    partnerName: "Nimlaha'kok",
    countryCode: 'GT',
    regionCode: 'GT-16',
    since: '2005-01-01',
    policyDomains: ['PARTICIPATION'],
    known: true,
    activity: 1.0,
  },
  {
    key: 'edegem-sanjeronimo',
    nisCode: '11013',
    partnerName: 'San Jerónimo (Cusco)',
    countryCode: 'PE',
    regionCode: 'PE-CUS',
    since: '2004-01-01',
    policyDomains: ['LAND_REGISTRY', 'WASTE_MANAGEMENT', 'LOCAL_ECONOMY'],
    known: true,
    activity: 1.0,
  },
  {
    key: 'brasschaat-tarija',
    nisCode: '11008',
    partnerName: 'Tarija',
    countryCode: 'BO',
    regionCode: 'BO-T',
    since: '2000-01-01',
    policyDomains: ['LOCAL_GOVERNANCE', 'ENVIRONMENT_CLIMATE'],
    known: true,
    activity: 0.9,
  },
  {
    key: 'evergem-guaranda',
    nisCode: '44019',
    partnerName: 'Guaranda',
    countryCode: 'EC',
    regionCode: 'EC-B',
    since: '2006-01-01',
    policyDomains: ['LOCAL_ECONOMY', 'WATER'],
    known: true,
    activity: 0.9,
  },
  {
    key: 'bierbeek-ona',
    nisCode: '24011',
    partnerName: 'San Felipe de Oña',
    countryCode: 'EC',
    regionCode: 'EC-A',
    since: '1998-01-01',
    policyDomains: ['WATER', 'WASTE_MANAGEMENT', 'ENVIRONMENT_CLIMATE', 'YOUTH'],
    known: true,
    activity: 1.1,
  },
  {
    key: 'genk-francistown',
    nisCode: '71016',
    partnerName: 'Francistown',
    countryCode: 'BW',
    regionCode: 'BW-FR',
    since: '2005-01-01',
    policyDomains: ['YOUTH', 'HEALTH_WELFARE'],
    known: true,
    activity: 0.3,
  },
  {
    key: 'lommel-ongwediva',
    nisCode: '72020',
    partnerName: 'Ongwediva',
    countryCode: 'NA',
    regionCode: 'NA-ON',
    since: '2005-01-01',
    policyDomains: ['EDUCATION_LIBRARY', 'YOUTH'],
    known: true,
    activity: 0.3,
  },
  // Fictional pairs: they complete the regional clusters (BJ-ZO, BJ-BO, SN-FK, SN-TC, ZA-WC, NI-MT, EC-A, RW-02).
  {
    key: 'lokeren-djidja',
    nisCode: '46014',
    partnerName: 'Djidja',
    countryCode: 'BJ',
    regionCode: 'BJ-ZO',
    since: '2016-05-01',
    policyDomains: ['LOCAL_TAXES', 'WATER', 'CIVIL_REGISTRATION'],
    known: false,
    activity: 1.0,
  },
  {
    key: 'harelbeke-nikki',
    nisCode: '34013',
    partnerName: 'Nikki',
    countryCode: 'BJ',
    regionCode: 'BJ-BO',
    since: '2013-01-01',
    policyDomains: ['LOCAL_ECONOMY', 'GENDER', 'LOCAL_TAXES'],
    known: false,
    activity: 0.9,
    sdgPartnership: true,
  },
  {
    key: 'izegem-lalo',
    nisCode: '36008',
    partnerName: 'Lalo',
    countryCode: 'BJ',
    regionCode: 'BJ-KO',
    since: '2017-06-01',
    policyDomains: ['CIVIL_REGISTRATION', 'DIGITALISATION'],
    known: false,
    activity: 1.0,
  },
  {
    key: 'wevelgem-foundiougne',
    nisCode: '34041',
    partnerName: 'Foundiougne',
    countryCode: 'SN',
    regionCode: 'SN-FK',
    since: '2012-01-01',
    policyDomains: ['WASTE_MANAGEMENT', 'LOCAL_ECONOMY'],
    known: false,
    activity: 0.9,
  },
  {
    key: 'tienen-koumpentoum',
    nisCode: '24107',
    partnerName: 'Koumpentoum',
    countryCode: 'SN',
    regionCode: 'SN-TC',
    since: '2015-01-01',
    policyDomains: ['CIVIL_REGISTRATION', 'HEALTH_WELFARE', 'GENDER'],
    known: false,
    activity: 0.9,
  },
  {
    key: 'kapellen-drakenstein',
    nisCode: '11023',
    partnerName: 'Drakenstein',
    countryCode: 'ZA',
    regionCode: 'ZA-WC',
    since: '2010-01-01',
    policyDomains: ['YOUTH', 'PARTICIPATION', 'ENVIRONMENT_CLIMATE'],
    known: false,
    activity: 0.8,
  },
  {
    key: 'hamontachel-sanramon',
    nisCode: '72037',
    partnerName: 'San Ramón',
    countryCode: 'NI',
    regionCode: 'NI-MT',
    since: '2008-01-01',
    policyDomains: ['WATER', 'LOCAL_ECONOMY', 'YOUTH'],
    known: false,
    activity: 0.9,
  },
  {
    key: 'beringen-matiguas',
    nisCode: '71004',
    partnerName: 'Matiguás',
    countryCode: 'NI',
    regionCode: 'NI-MT',
    since: '2011-01-01',
    policyDomains: ['LOCAL_ECONOMY', 'GENDER', 'ENVIRONMENT_CLIMATE'],
    known: false,
    activity: 0.9,
  },
  {
    key: 'lochristi-nabon',
    nisCode: '44034',
    partnerName: 'Nabón',
    countryCode: 'EC',
    regionCode: 'EC-A',
    since: '2014-01-01',
    policyDomains: ['WATER', 'PARTICIPATION', 'LOCAL_ECONOMY'],
    known: false,
    activity: 0.9,
  },
  {
    key: 'diest-karongi',
    nisCode: '24020',
    partnerName: 'Karongi',
    countryCode: 'RW',
    regionCode: 'RW-04',
    since: '2022-02-01',
    policyDomains: ['LOCAL_GOVERNANCE', 'ENVIRONMENT_CLIMATE', 'LOCAL_ECONOMY'],
    known: false,
    activity: 1.3,
    sdgPartnership: true,
  },
  {
    key: 'lier-nyanza',
    nisCode: '12021',
    partnerName: 'Nyanza',
    countryCode: 'RW',
    regionCode: 'RW-05',
    since: '2022-03-01',
    policyDomains: ['HEALTH_WELFARE', 'YOUTH', 'DIGITALISATION'],
    known: false,
    activity: 1.2,
    sdgPartnership: true,
  },
  {
    key: 'geel-bugesera',
    nisCode: '13008',
    partnerName: 'Bugesera',
    countryCode: 'RW',
    regionCode: 'RW-02',
    since: '2023-01-15',
    policyDomains: ['WATER', 'LOCAL_ECONOMY', 'GENDER'],
    known: false,
    activity: 1.2,
    sdgPartnership: true,
  },
  {
    key: 'aalst-gatsibo',
    nisCode: '41002',
    partnerName: 'Gatsibo',
    countryCode: 'RW',
    regionCode: 'RW-02',
    since: '2024-01-15',
    policyDomains: ['LOCAL_ECONOMY', 'CIVIL_REGISTRATION'],
    known: false,
    activity: 1.2,
    sdgPartnership: true,
  },
  {
    key: 'torhout-carcha',
    nisCode: '31033',
    partnerName: 'San Pedro Carchá',
    countryCode: 'GT',
    regionCode: 'GT-16',
    since: '2010-01-01',
    policyDomains: ['PARTICIPATION', 'WATER'],
    known: false,
    activity: 0.8,
    ended: { on: '2020-06-30', reason: federalFundingStopped },
  },
];

/** Countries of the federal programmes, by the years in which VVSG's accompaniment budget covers them. */
export function programmeCovers(countryCode: string, year: number): boolean {
  switch (countryCode) {
    case 'BJ':
    case 'SN':
    case 'ZA':
    case 'EC':
    case 'NI':
      return true;
    case 'MA':
      return year <= 2021;
    case 'PE':
    case 'BO':
    case 'GT':
      // Federal funding for Peru (and, in the demo, Bolivia and Guatemala) stopped at the end of 2019.
      return year <= 2019;
    case 'RW':
      return year >= 2022;
    default:
      return false;
  }
}

/** The funding programme a visit in `year` falls under. */
export function programmeOf(
  twinning: Pick<TwinningSeed, 'countryCode' | 'sdgPartnership'>,
  year: number,
): 'DGD_2017_2021' | 'GLOBE_2022_2026' | 'SDG_PARTNERSHIP' | 'OWN_FUNDS' {
  if (!programmeCovers(twinning.countryCode, year)) return 'OWN_FUNDS';
  if (year <= 2021) return 'DGD_2017_2021';
  if (twinning.sdgPartnership && (year === 2024 || year === 2025)) return 'SDG_PARTNERSHIP';
  return 'GLOBE_2022_2026';
}

export interface StaffSeed {
  readonly key: string;
  readonly name: string;
  /** First day on the programme. */
  readonly from: string;
  /** Last day on the programme, when the person left. */
  readonly until?: string;
  /** Days per year for accompaniment, before scaling. */
  readonly days: number;
  /** Countries the person follows up; others only when nobody else is free. */
  readonly countries: readonly string[];
}

/** Synthetic VVSG staff (invented names). */
export const staff: readonly StaffSeed[] = [
  { key: 'lies', name: 'Lies Janssens', from: '2017-01-02', days: 50, countries: ['BJ', 'RW'] },
  { key: 'pieter', name: 'Pieter Peeters', from: '2017-01-02', days: 40, countries: ['ZA', 'BW', 'NA'] },
  { key: 'sofie', name: 'Sofie Claes', from: '2017-01-02', days: 40, countries: ['SN', 'MA'] },
  {
    key: 'koen',
    name: 'Koen Wouters',
    from: '2017-01-02',
    until: '2023-06-30',
    days: 45,
    countries: ['NI', 'GT', 'PE', 'BO', 'EC'],
  },
  { key: 'hanne', name: 'Hanne Maes', from: '2017-01-02', days: 35, countries: ['BJ', 'SN'] },
  { key: 'bram', name: 'Bram De Smet', from: '2017-01-02', days: 30, countries: [] },
  { key: 'ellen', name: 'Ellen Vermeulen', from: '2020-09-01', days: 40, countries: ['EC', 'NI', 'ZA'] },
  { key: 'jonas', name: 'Jonas Mertens', from: '2023-09-01', days: 40, countries: ['NI', 'EC', 'RW'] },
];

/**
 * The yearly accompaniment budget before scaling (euro): what the staff
 * members' travel and allowances cost (about €2,500 a visit in the default
 * policy), not the twinnings' own budgets. Allocated in two
 * tranches: the first after the budget round in the previous October (in
 * January for 2017), the second in June. 2019 and 2022 are lean years; 2020–21
 * were cut during the pandemic.
 */
export const budgets: Readonly<Record<number, { readonly first: number; readonly second: number }>> = {
  2017: { first: 30_000, second: 15_000 },
  2018: { first: 32_000, second: 18_000 },
  2019: { first: 21_000, second: 11_000 },
  2020: { first: 28_000, second: 7_000 },
  2021: { first: 15_000, second: 15_000 },
  2022: { first: 20_000, second: 14_000 },
  2023: { first: 35_000, second: 20_000 },
  2024: { first: 38_000, second: 22_000 },
  2025: { first: 40_000, second: 25_000 },
  2026: { first: 34_000, second: 20_000 },
  2027: { first: 36_000, second: 22_000 },
  2028: { first: 38_000, second: 22_000 },
};

/** The budget of `year`: its own figures, or for a year beyond the table those of its last year. */
export function budgetFor(year: number): { readonly first: number; readonly second: number } {
  const known = Object.keys(budgets).map(Number);
  return budgets[year] ?? budgets[Math.max(...known.filter((y) => y <= year), Math.min(...known))]!;
}

/** Municipal elections in Belgium (October); the new councils and coalitions start on 1 January after. */
export const belgianElections = ['2018-10-14', '2024-10-13'] as const;

/** Local elections in partner countries: new mayors and councils take office around these dates. */
export const southernElections: Readonly<Record<string, readonly string[]>> = {
  BJ: ['2020-06-01'],
  SN: ['2022-02-15'],
  ZA: ['2016-08-20', '2021-11-22'],
  MA: ['2021-09-25'],
  NI: ['2017-11-30', '2022-11-30'],
  EC: ['2019-05-15', '2023-05-15'],
  PE: ['2019-01-02'],
  BO: ['2021-05-03'],
  GT: ['2020-01-15'],
  RW: ['2021-11-20'],
  BW: ['2019-11-01'],
  NA: ['2020-11-30'],
};

/**
 * ISO 3166-2 regions of the programme countries, for the synthetic twinnings
 * of larger scales, with a few commune names per region where the demo knows
 * them (otherwise the partner is named after its region).
 */
export const partnerRegions: readonly { readonly code: string; readonly communes: readonly string[] }[] = [
  { code: 'BJ-ZO', communes: ['Abomey', 'Agbangnizoun', 'Covè', 'Ouinhi', 'Zagnanado', 'Zogbodomey'] },
  { code: 'BJ-AK', communes: ['Natitingou', 'Tanguiéta', 'Kouandé', 'Boukoumbé', 'Péhunco'] },
  { code: 'BJ-BO', communes: ['Parakou', 'Tchaourou', 'Kalalé', 'Bembèrèkè', "N'Dali"] },
  { code: 'BJ-KO', communes: ['Aplahoué', 'Klouékanmè', 'Djakotomey', 'Toviklin'] },
  { code: 'BJ-MO', communes: ['Lokossa', 'Athiémé', 'Grand-Popo', 'Houéyogbé', 'Bopa'] },
  { code: 'BJ-CO', communes: ['Savalou', 'Dassa-Zoumé', 'Glazoué', 'Savè', 'Bantè'] },
  { code: 'BJ-AL', communes: ['Kandi', 'Malanville', 'Banikoara', 'Gogounou'] },
  { code: 'BJ-DO', communes: ['Djougou', 'Bassila', 'Copargo', 'Ouaké'] },
  { code: 'BJ-OU', communes: ['Adjarra', 'Avrankou', 'Dangbo', 'Adjohoun'] },
  { code: 'BJ-PL', communes: ['Pobè', 'Kétou', 'Sakété', 'Ifangni'] },
  { code: 'BJ-AQ', communes: ['Allada', 'Ouidah', 'Toffo', 'Zè'] },
  { code: 'SN-TC', communes: ['Bakel', 'Goudiry', 'Kidira', 'Maka-Colibantang'] },
  { code: 'SN-FK', communes: ['Fatick', 'Gossas', 'Passy', 'Diofior'] },
  { code: 'SN-KL', communes: ['Kaolack', 'Nioro du Rip', 'Guinguinéo'] },
  { code: 'SN-TH', communes: ['Mbour', 'Tivaouane', 'Joal-Fadiouth', 'Pout'] },
  { code: 'SN-SL', communes: ['Podor', 'Dagana', 'Richard-Toll'] },
  { code: 'SN-ZG', communes: ['Bignona', 'Oussouye', 'Thionck-Essyl'] },
  { code: 'SN-KD', communes: ['Vélingara', 'Médina Yoro Foulah'] },
  { code: 'SN-KA', communes: ['Koungheul', 'Birkelane', 'Malem Hodar'] },
  { code: 'SN-KE', communes: ['Saraya', 'Salémata'] },
  { code: 'SN-SE', communes: ['Goudomp', 'Bounkiling'] },
  { code: 'ZA-WC', communes: ['Swartland', 'Cederberg', 'Breede Valley', 'Langeberg', 'Overstrand'] },
  { code: 'ZA-KZN', communes: ['Msunduzi', 'uMngeni', 'Endumeni', 'Dannhauser'] },
  { code: 'ZA-FS', communes: ['Matjhabeng', 'Dihlabeng', 'Maluti-a-Phofung'] },
  { code: 'ZA-GP', communes: ['Emfuleni', 'Midvaal', 'Lesedi'] },
  { code: 'ZA-EC', communes: ['Makana', 'Nelson Mandela Bay', 'Ndlambe'] },
  { code: 'ZA-LP', communes: ['Polokwane', 'Makhado', 'Thulamela'] },
  { code: 'ZA-NW', communes: ['Rustenburg', 'Madibeng', 'JB Marks'] },
  { code: 'ZA-MP', communes: ['Mbombela', 'Emalahleni', 'Nkomazi'] },
  { code: 'ZA-NC', communes: ['Sol Plaatje', 'Dawid Kruiper'] },
  { code: 'NI-MT', communes: ['Sébaco', 'Muy Muy', 'Esquipulas', 'Terrabona'] },
  { code: 'NI-AS', communes: ['Bluefields', 'El Rama', 'Muelle de los Bueyes'] },
  { code: 'NI-CO', communes: ['Juigalpa', 'Acoyapa', 'La Libertad'] },
  { code: 'NI-ES', communes: ['Estelí', 'Condega', 'Pueblo Nuevo'] },
  { code: 'NI-LE', communes: ['León', 'Nagarote', 'El Sauce'] },
  { code: 'NI-JI', communes: ['Jinotega', 'San Rafael del Norte', 'La Concordia'] },
  { code: 'NI-CA', communes: ['Jinotepe', 'Diriamba', 'Dolores'] },
  { code: 'NI-MS', communes: ['Masaya', 'Nindirí', 'Masatepe'] },
  { code: 'EC-A', communes: ['Girón', 'Santa Isabel', 'Paute', 'Sígsig'] },
  { code: 'EC-B', communes: ['Chillanes', 'San Miguel', 'Echeandía'] },
  { code: 'EC-H', communes: ['Riobamba', 'Alausí', 'Guamote', 'Colta'] },
  { code: 'EC-I', communes: ['Cotacachi', 'Otavalo', 'Pimampiro'] },
  { code: 'EC-L', communes: ['Saraguro', 'Catamayo', 'Calvas'] },
  { code: 'EC-T', communes: ['Pelileo', 'Píllaro', 'Tisaleo'] },
  { code: 'EC-X', communes: ['Pujilí', 'Saquisilí', 'Sigchos'] },
  { code: 'RW-02', communes: ['Kayonza', 'Rwamagana', 'Ngoma', 'Kirehe'] },
  { code: 'RW-03', communes: ['Musanze', 'Gicumbi', 'Burera', 'Rulindo'] },
  { code: 'RW-04', communes: ['Rubavu', 'Nyamasheke', 'Rusizi', 'Ngororero'] },
  { code: 'RW-05', communes: ['Huye', 'Muhanga', 'Nyamagabe', 'Ruhango'] },
  { code: 'MA-01', communes: ['Larache', 'Ouezzane', 'Al Hoceïma'] },
  { code: 'MA-02', communes: ['Berkane', 'Taourirt', 'Jerada'] },
  { code: 'MA-03', communes: ['Sefrou', 'Ifrane', 'Taza'] },
  { code: 'PE-CUS', communes: ['Urubamba', 'Calca', 'Anta'] },
  { code: 'PE-PUN', communes: ['Juliaca', 'Ilave'] },
  { code: 'BO-T', communes: ['Bermejo', 'Yacuiba', 'Padcaya'] },
  { code: 'BO-C', communes: ['Sacaba', 'Quillacollo', 'Tiquipaya'] },
  { code: 'GT-16', communes: ['Cobán', 'San Cristóbal Verapaz', 'Tactic'] },
  { code: 'GT-14', communes: ['Santa Cruz del Quiché', 'Chichicastenango'] },
];

/** Flemish arrondissements (first two digits of a NIS code) and their province, for synthetic municipalities. */
export const arrondissements: readonly { readonly prefix: string; readonly province: Province }[] = [
  { prefix: '11', province: 'ANTWERPEN' },
  { prefix: '12', province: 'ANTWERPEN' },
  { prefix: '13', province: 'ANTWERPEN' },
  { prefix: '23', province: 'VLAAMS_BRABANT' },
  { prefix: '24', province: 'VLAAMS_BRABANT' },
  { prefix: '31', province: 'WEST_VLAANDEREN' },
  { prefix: '32', province: 'WEST_VLAANDEREN' },
  { prefix: '33', province: 'WEST_VLAANDEREN' },
  { prefix: '34', province: 'WEST_VLAANDEREN' },
  { prefix: '35', province: 'WEST_VLAANDEREN' },
  { prefix: '36', province: 'WEST_VLAANDEREN' },
  { prefix: '37', province: 'WEST_VLAANDEREN' },
  { prefix: '38', province: 'WEST_VLAANDEREN' },
  { prefix: '41', province: 'OOST_VLAANDEREN' },
  { prefix: '42', province: 'OOST_VLAANDEREN' },
  { prefix: '43', province: 'OOST_VLAANDEREN' },
  { prefix: '44', province: 'OOST_VLAANDEREN' },
  { prefix: '45', province: 'OOST_VLAANDEREN' },
  { prefix: '46', province: 'OOST_VLAANDEREN' },
  { prefix: '71', province: 'LIMBURG' },
  { prefix: '72', province: 'LIMBURG' },
  { prefix: '73', province: 'LIMBURG' },
];

/** Parts of synthetic Flemish place names (larger scales only). */
export const placeNameParts = {
  first: [
    'Ooster',
    'Wester',
    'Noord',
    'Zuid',
    'Hoog',
    'Neder',
    'Oud',
    'Nieuw',
    'Groot',
    'Klein',
    'Sint-Jans-',
    'Sint-Pieters-',
    'Sint-Maria-',
    'Heide',
    'Berg',
    'Beek',
    'Molen',
    'Kapel',
    'Linde',
    'Eike',
  ],
  second: [
    'kerke',
    'gem',
    'hout',
    'dijk',
    'zele',
    'beek',
    'loo',
    'hem',
    'veld',
    'rode',
    'brugge',
    'donk',
    'hove',
    'lare',
    'meer',
    'wijk',
    'akker',
    'heide',
  ],
};
