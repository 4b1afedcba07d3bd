import type { Translation } from '../i18n/catalogue';
import type { mapMessages } from './map.messages';

export const mapMessagesEn: Translation<typeof mapMessages> = {
  'map.title': 'Map of the partner regions',
  'map.sub': 'Regions with twinnings or visits from {from} to {to}',
  'map.sizeBy': 'Size of the circles',
  'map.measure.twinnings': 'Active twinnings',
  'map.measure.visits': 'Visits in the period',
  'map.legend.size': 'Area: {measure}',
  'map.legend.colour': 'Colour: VVSG’s last accompanied visit',
  'map.legend.none': 'No visits in the period',
  'map.legend.moved': 'Line: circle moved to avoid overlap; the dot is its true place',
  'map.group': 'Map of {count, plural, one {# region} other {# regions}}; each circle opens its region’s page',
  'map.panel.americas': 'Latin America',
  'map.panel.africa': 'Africa',
  'map.circle':
    '{region}: {twinnings, plural, one {# active twinning} other {# active twinnings}}, {visits, plural, one {# visit} other {# visits}} in the period, {since}',
  'map.since.never': 'never accompanied by VVSG',
  'map.since.months': 'last accompanied visit {months, plural, =0 {this month} one {# month ago} other {# months ago}}',
  'map.tip.twinnings': '{count, plural, =0 {No active twinnings} one {# active twinning} other {# active twinnings}}',
  'map.tip.visits': '{visits, plural, one {# visit} other {# visits}} in the period, {accompanied} accompanied',
  'map.tip.last':
    'Last accompanied visit: {date} ({months, plural, =0 {this month} one {# month ago} other {# months ago}})',
  'map.tip.never': 'Never an accompanied visit',
  'map.tip.open': 'Click or press Enter for the region’s page',
  'map.unplaced': 'Not on the map (no known coordinate): {regions}',
  'map.source': 'Borders: Natural Earth (public domain). Partner places: approximate, from Wikipedia.',
  'map.loading': 'Loading the map',
  'map.col.region': 'Region',
  'map.col.twinnings': 'Active twinnings',
  'map.col.partners': 'Twinnings',
  'map.col.visits': 'Visits in the period',
  'map.col.accompanied': 'Of which accompanied',
  'map.col.last': 'Last accompanied visit',
  'map.col.months': 'Months ago',
};
