/** Dutch, the source language: every message of this part of the UI. */
export const mapMessages = {
  'map.title': 'Kaart van de partnerregio’s',
};
