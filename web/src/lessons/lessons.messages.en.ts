import type { Translation } from '../i18n/catalogue';
import type { lessonMessages } from './lessons.messages';

export const lessonMessagesEn: Translation<typeof lessonMessages> = {
  'lessons.title': 'Lessons and good practices',
};
