import type { Translation } from '../i18n/catalogue';
import type { plannerMessages } from './planner.messages';

export const plannerMessagesEn: Translation<typeof plannerMessages> = {
  'planner.title': 'Planner',
};
