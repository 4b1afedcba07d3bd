/** Dutch, the source language: every message of this part of the UI. */
export const mapMessages = {
  'map.title': 'Kaart van de partnerregio’s',
  'map.sub': 'Regio’s met stedenbanden of bezoeken van {from} tot {to}',
  'map.sizeBy': 'Grootte van de cirkels',
  'map.measure.twinnings': 'Actieve stedenbanden',
  'map.measure.visits': 'Bezoeken in de periode',
  'map.legend.size': 'Oppervlakte: {measure}',
  'map.legend.colour': 'Kleur: laatste begeleide bezoek van VVSG',
  'map.legend.none': 'Geen bezoeken in de periode',
  'map.legend.moved': 'Lijntje: cirkel verschoven om overlapping te vermijden; de stip is de juiste plaats',
  'map.group': 'Kaart met {count, plural, one {# regio} other {# regio’s}}; elke cirkel opent de pagina van zijn regio',
  'map.panel.americas': 'Latijns-Amerika',
  'map.panel.africa': 'Afrika',
  'map.circle':
    '{region}: {twinnings, plural, one {# actieve stedenband} other {# actieve stedenbanden}}, {visits, plural, one {# bezoek} other {# bezoeken}} in de periode, {since}',
  'map.since.never': 'nooit begeleid door VVSG',
  'map.since.months':
    'laatste begeleide bezoek {months, plural, =0 {deze maand} one {# maand geleden} other {# maanden geleden}}',
  'map.tip.twinnings':
    '{count, plural, =0 {Geen actieve stedenbanden} one {# actieve stedenband} other {# actieve stedenbanden}}',
  'map.tip.visits': '{visits, plural, one {# bezoek} other {# bezoeken}} in de periode, waarvan {accompanied} begeleid',
  'map.tip.last':
    'Laatste begeleide bezoek: {date} ({months, plural, =0 {deze maand} one {# maand geleden} other {# maanden geleden}})',
  'map.tip.never': 'Nog nooit een begeleid bezoek',
  'map.tip.open': 'Klik of druk op Enter voor de pagina van de regio',
  'map.unplaced': 'Niet op de kaart (geen coördinaat bekend): {regions}',
  'map.source': 'Grenzen: Natural Earth (publiek domein). Plaatsen van de partners: benaderend, uit Wikipedia.',
  'map.loading': 'De kaart wordt geladen',
  'map.col.region': 'Regio',
  'map.col.twinnings': 'Actieve stedenbanden',
  'map.col.partners': 'Stedenbanden',
  'map.col.visits': 'Bezoeken in de periode',
  'map.col.accompanied': 'Waarvan begeleid',
  'map.col.last': 'Laatste begeleide bezoek',
  'map.col.months': 'Maanden geleden',
};
