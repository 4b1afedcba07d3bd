/** Dutch, the source language: every message of this part of the UI. */
export const plannerMessages = {
  'planner.title': 'Planner',
};
