import { vocabulary } from '../vocabulary.js';

/**
 * Additional reasons (bijkomende redenen), in no particular order. A municipality
 * claims some; `derivable` ones the platform can also establish from the events
 * (the accompaniment history, other requests in the region, actor changes).
 */
export const AdditionalReasons = vocabulary('additional reason', [
  {
    code: 'CONTENT_PROBLEMS',
    derivable: false,
    label: {
      nl: 'Sterke inhoudelijke problemen in de samenwerking op een beleidsdomein',
      en: 'Serious content problems in the cooperation on a policy domain',
    },
  },
  {
    code: 'RELATIONAL_PROBLEMS',
    derivable: false,
    label: {
      nl: 'Sterke relationele of communicatieproblemen tussen actoren in de stedenband',
      en: 'Serious relational or communication problems between actors in the twinning',
    },
  },
  {
    code: 'ACTOR_RENEWAL',
    derivable: true,
    label: {
      nl: 'Continuïteit bij vernieuwing van actoren (nieuwe coördinator, nieuwe coalitie, Noord of Zuid)',
      en: 'Continuity on renewal of actors (new coordinator, new coalition, North or South)',
    },
  },
  {
    code: 'EXPERTISE_ACTIVITIES',
    derivable: false,
    label: {
      nl: 'Geplande activiteiten waarbij de expertise van de VVSG opportuun is',
      en: 'Planned activities where VVSG expertise is opportune',
    },
  },
  {
    code: 'FOLLOW_UP',
    derivable: true,
    label: {
      nl: 'Opvolging en betrokkenheid: recent geen begeleid werkbezoek',
      en: 'Follow-up and involvement: not accompanied in the recent past',
    },
  },
  {
    code: 'COMBINED_VISITS',
    derivable: true,
    label: {
      nl: 'Combinatie met werkbezoeken van andere gemeenten in dezelfde Zuidelijke regio',
      en: 'Combined with visits of other municipalities to the same southern region',
    },
  },
]);
export type AdditionalReason = (typeof AdditionalReasons.codes)[number];

/** The three grounds on which VVSG may decline a request. */
export const DeclineReasons = vocabulary('decline reason', [
  { code: 'NOT_OPPORTUNE', label: { nl: 'Deelname niet opportuun', en: 'Participation not opportune' } },
  {
    code: 'NO_STAFF_TIME',
    label: {
      nl: 'Onvoldoende tijd vrij te maken om voor te bereiden, te begeleiden en te verwerken',
      en: 'Not enough staff time to prepare, accompany and process the visit',
    },
  },
  { code: 'NO_BUDGET', label: { nl: 'Budgettair onmogelijk', en: 'Not possible within the budget' } },
]);
export type DeclineReason = (typeof DeclineReasons.codes)[number];

export const Decisions = vocabulary('decision', [
  { code: 'ACCEPT', label: { nl: 'Aanvaarden', en: 'Accept' } },
  { code: 'DECLINE', label: { nl: 'Weigeren', en: 'Decline' } },
]);
export type Decision = (typeof Decisions.codes)[number];

/** Where a request stands, as the request list shows it. */
export const RequestStatuses = vocabulary('request status', [
  { code: 'SUBMITTED', label: { nl: 'Ingediend', en: 'Submitted' } },
  { code: 'ACCEPTED', label: { nl: 'Aanvaard', en: 'Accepted' } },
  { code: 'DECLINED', label: { nl: 'Geweigerd', en: 'Declined' } },
  { code: 'WITHDRAWN', label: { nl: 'Ingetrokken', en: 'Withdrawn' } },
  { code: 'COMPLETED', label: { nl: 'Afgerond', en: 'Completed' } },
]);
export type RequestStatus = (typeof RequestStatuses.codes)[number];
