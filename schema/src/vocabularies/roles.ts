import { vocabulary } from '../vocabulary.js';

/** The platform's users. */
const roleEntries = [
  { code: 'MANAGEMENT', label: { nl: 'Directie', en: 'Management' } },
  { code: 'PLANNER', label: { nl: 'Planner', en: 'Planner' } },
  { code: 'ANALYST', label: { nl: 'Analist', en: 'Analyst' } },
  { code: 'STAFF', label: { nl: 'VVSG-medewerker', en: 'VVSG staff member' } },
  { code: 'COORDINATOR', label: { nl: 'Stedenbandcoördinator', en: 'Twinning coordinator' } },
] as const;
export const Roles = vocabulary('role', roleEntries);
export type Role = (typeof Roles.codes)[number];

/**
 * Who caused an event: a user in a role, or the platform itself (automatic
 * reassessments, migrations, the demo generator).
 */
export const ActorRoles = vocabulary('actor role', [
  ...roleEntries,
  { code: 'SYSTEM', label: { nl: 'Systeem', en: 'System' } },
]);
export type ActorRole = (typeof ActorRoles.codes)[number];
