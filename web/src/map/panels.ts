import type { Box } from './topology';

/**
 * The programme's partner countries lie on two continents with an ocean
 * between them: one map of both would spend most of its width on water, so
 * the map draws a panel per continent, each fitted to its partner countries.
 */
export interface Panel {
  readonly key: 'americas' | 'africa';
  /** Alpha-2 codes of the partner countries drawn in this panel. */
  readonly countries: readonly string[];
  /** The neighbourhood whose countries are kept for context (grey), in degrees. */
  readonly context: Box;
}

export const panels: readonly Panel[] = [
  { key: 'americas', countries: ['GT', 'NI', 'EC', 'PE', 'BO'], context: [-95, -26, -54, 21] },
  { key: 'africa', countries: ['MA', 'SN', 'BJ', 'RW', 'NA', 'BW', 'ZA'], context: [-20, -38, 36, 38] },
];

/** The panel a country is drawn in: by its continent, the Americas west of 30° W. */
export function panelOf(countryCode: string, longitude?: number): Panel['key'] {
  const listed = panels.find((p) => p.countries.includes(countryCode));
  if (listed) return listed.key;
  return longitude !== undefined && longitude < -30 ? 'americas' : 'africa';
}
