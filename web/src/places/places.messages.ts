/** Dutch, the source language: every message of this part of the UI. */
export const placeMessages = {
  'places.municipality': 'Gemeente',
  'places.region': 'Regio',
};
