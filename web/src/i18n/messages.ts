import { authMessages } from '../auth/auth.messages';
import { coordinatorMessages } from '../coordinator/coordinator.messages';
import { dashboardMessages } from '../dashboard/dashboard.messages';
import { lessonMessages } from '../lessons/lessons.messages';
import { mapMessages } from '../map/map.messages';
import { placeMessages } from '../places/places.messages';
import { eventMessages } from '../planner/events/events.messages';
import { planMessages } from '../planner/plan/plan.messages';
import { plannerMessages } from '../planner/planner.messages';
import { requestMessages } from '../requests/requests.messages';
import { commonMessages } from './common.messages';

export type Language = 'nl' | 'en';

/** Dutch, the default and the source: in the main bundle. */
export const dutch = {
  ...commonMessages,
  ...authMessages,
  ...dashboardMessages,
  ...requestMessages,
  ...coordinatorMessages,
  ...plannerMessages,
  ...planMessages,
  ...eventMessages,
  ...lessonMessages,
  ...placeMessages,
  ...mapMessages,
};

/** Every message's id: a typo is a type error. */
export type MessageId = keyof typeof dutch;
export type Messages = Record<MessageId, string>;

/** English is loaded when it is chosen. */
export async function loadMessages(language: Language): Promise<Messages> {
  return language === 'nl' ? dutch : (await import('./english')).english;
}
