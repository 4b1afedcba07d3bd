import type { Translation } from '../i18n/catalogue';
import type { mapMessages } from './map.messages';

export const mapMessagesEn: Translation<typeof mapMessages> = {
  'map.title': 'Map of the partner regions',
};
