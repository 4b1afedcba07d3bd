import { authMessages } from '../auth/auth.messages';
import { coordinatorMessages } from '../coordinator/coordinator.messages';
import { dashboardMessages } from '../dashboard/dashboard.messages';
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
};

/** Every message's id: a typo is a type error. */
export type MessageId = keyof typeof dutch;
export type Messages = Record<MessageId, string>;

/** English is loaded when it is chosen. */
export async function loadMessages(language: Language): Promise<Messages> {
  return language === 'nl' ? dutch : (await import('./english')).english;
}
