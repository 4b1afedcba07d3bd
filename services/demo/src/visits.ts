import type { AdditionalReason, MissionType } from '@werkbezoek/schema';

/*
 * What a requested visit looks like, per mission type: shared by the yearly
 * planning of the history and the pipeline of requests still to decide.
 */

/** How likely a visit starts in each month (January first): few in the summer holidays and around the new year. */
export const MONTH_WEIGHTS = [0.4, 1.1, 1.3, 1.0, 1.1, 0.6, 0.3, 0.4, 1.0, 1.3, 1.2, 0.3];
/** Visit length in days, shortest and longest. */
export const DURATION: Record<MissionType, [number, number]> = {
  IDENTIFICATION: [8, 12],
  EVALUATION: [9, 14],
  TECHNICAL: [7, 16],
  POLITICAL: [6, 10],
};
/** Delegation size, smallest and largest. */
export const DELEGATION: Record<MissionType, [number, number]> = {
  IDENTIFICATION: [3, 6],
  EVALUATION: [3, 6],
  TECHNICAL: [2, 5],
  POLITICAL: [6, 16],
};
/** The chance that a municipality claims each additional reason (the platform derives the others). */
export const CLAIMS: Record<MissionType, Partial<Record<AdditionalReason, number>>> = {
  IDENTIFICATION: { CONTENT_PROBLEMS: 0.03, RELATIONAL_PROBLEMS: 0.03, EXPERTISE_ACTIVITIES: 0.25 },
  EVALUATION: { CONTENT_PROBLEMS: 0.25, RELATIONAL_PROBLEMS: 0.15, EXPERTISE_ACTIVITIES: 0.35 },
  TECHNICAL: { CONTENT_PROBLEMS: 0.45, RELATIONAL_PROBLEMS: 0.12, EXPERTISE_ACTIVITIES: 0.5 },
  POLITICAL: { CONTENT_PROBLEMS: 0.2, RELATIONAL_PROBLEMS: 0.45, EXPERTISE_ACTIVITIES: 0.45 },
};
