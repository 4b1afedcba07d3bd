/** Dutch, the source language: every message of this part of the UI. */
export const lessonMessages = {
  'lessons.title': 'Lessen en goede praktijken',
};
