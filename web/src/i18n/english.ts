import { authMessagesEn } from '../auth/auth.messages.en';
import { coordinatorMessagesEn } from '../coordinator/coordinator.messages.en';
import { dashboardMessagesEn } from '../dashboard/dashboard.messages.en';
import { lessonMessagesEn } from '../lessons/lessons.messages.en';
import { mapMessagesEn } from '../map/map.messages.en';
import { placeMessagesEn } from '../places/places.messages.en';
import { eventMessagesEn } from '../planner/events/events.messages.en';
import { planMessagesEn } from '../planner/plan/plan.messages.en';
import { plannerMessagesEn } from '../planner/planner.messages.en';
import { accessMessagesEn } from '../privacy/access.messages.en';
import { privacyMessagesEn } from '../privacy/privacy.messages.en';
import { requestMessagesEn } from '../requests/requests.messages.en';
import { commonMessagesEn } from './common.messages.en';
import type { Messages } from './messages';

export const english: Messages = {
  ...commonMessagesEn,
  ...authMessagesEn,
  ...dashboardMessagesEn,
  ...requestMessagesEn,
  ...coordinatorMessagesEn,
  ...plannerMessagesEn,
  ...planMessagesEn,
  ...eventMessagesEn,
  ...lessonMessagesEn,
  ...placeMessagesEn,
  ...mapMessagesEn,
  ...privacyMessagesEn,
  ...accessMessagesEn,
};
