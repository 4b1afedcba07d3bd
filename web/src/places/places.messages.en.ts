import type { Translation } from '../i18n/catalogue';
import type { placeMessages } from './places.messages';

export const placeMessagesEn: Translation<typeof placeMessages> = {
  'places.municipality': 'Municipality',
  'places.region': 'Region',
};
