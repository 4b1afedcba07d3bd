import { authMessagesEn } from '../auth/auth.messages.en';
import { coordinatorMessagesEn } from '../coordinator/coordinator.messages.en';
import { dashboardMessagesEn } from '../dashboard/dashboard.messages.en';
import { requestMessagesEn } from '../requests/requests.messages.en';
import { commonMessagesEn } from './common.messages.en';
import type { Messages } from './messages';

export const english: Messages = {
  ...commonMessagesEn,
  ...authMessagesEn,
  ...dashboardMessagesEn,
  ...requestMessagesEn,
  ...coordinatorMessagesEn,
};
