import { authMessages } from '../auth/auth.messages';
import { coordinatorMessages } from '../coordinator/coordinator.messages';
import { dashboardMessages } from '../dashboard/dashboard.messages';
import type { lessonMessages } from '../lessons/lessons.messages';
import type { mapMessages } from '../map/map.messages';
import type { placeMessages } from '../places/places.messages';
import type { eventMessages } from '../planner/events/events.messages';
import type { planMessages } from '../planner/plan/plan.messages';
import type { plannerMessages } from '../planner/planner.messages';
import type { accessMessages } from '../privacy/access.messages';
import type { privacyMessages } from '../privacy/privacy.messages';
import { requestMessages } from '../requests/requests.messages';
import { commonMessages } from './common.messages';

export type Language = 'nl' | 'en';

/**
 * Dutch, the default and the source, for the pages every role opens first
 * (sign-in, dashboard, inbox, a request, a coordinator's requests): in the
 * main bundle.
 */
export const dutch = {
  ...commonMessages,
  ...authMessages,
  ...dashboardMessages,
  ...requestMessages,
  ...coordinatorMessages,
};

/**
 * The other pages' Dutch messages, by area, loaded with the pages that show
 * them (`AreaMessages`), so the first pages do not carry them.
 */
const mapArea = async () => (await import('../map/map.messages')).mapMessages;
export const dutchAreas = {
  planner: async () => ({
    ...(await import('../planner/planner.messages')).plannerMessages,
    ...(await import('../planner/plan/plan.messages')).planMessages,
    ...(await import('../planner/events/events.messages')).eventMessages,
    ...(await mapArea()),
  }),
  lessons: async () => (await import('../lessons/lessons.messages')).lessonMessages,
  places: async () => (await import('../places/places.messages')).placeMessages,
  privacy: async () => ({
    ...(await import('../privacy/privacy.messages')).privacyMessages,
    ...(await import('../privacy/access.messages')).accessMessages,
  }),
  map: mapArea,
} satisfies Record<string, () => Promise<Readonly<Record<string, string>>>>;
export type Area = keyof typeof dutchAreas;

type AreaMessages = typeof plannerMessages &
  typeof planMessages &
  typeof eventMessages &
  typeof lessonMessages &
  typeof placeMessages &
  typeof mapMessages &
  typeof privacyMessages &
  typeof accessMessages;

/** Every message's id: a typo is a type error. */
export type MessageId = keyof typeof dutch | keyof AreaMessages;
export type Messages = Record<MessageId, string>;
/** What a page starts with: the Dutch of the first pages, or every English message. */
export type StartMessages = typeof dutch | Messages;

/** The messages to start with: Dutch at once; English, whole, when it is chosen. */
export async function loadMessages(language: Language): Promise<StartMessages> {
  return language === 'nl' ? dutch : (await import('./english')).english;
}

/** Every message of a language, the areas' included (tests render any part of the UI with them). */
export async function loadAllMessages(language: Language): Promise<Messages> {
  if (language === 'en') return (await import('./english')).english;
  const areas = await Promise.all(Object.values(dutchAreas).map((load) => load()));
  return Object.assign({}, dutch, ...areas) as Messages;
}
