/** Where each role starts: its most used page. */
export function homeOf(role: string): string {
  switch (role) {
    case 'COORDINATOR':
      return '/mijn-aanvragen';
    case 'STAFF':
      return '/aanvragen';
    default:
      return '/dashboard';
  }
}

/** Roles that read every read model (the dashboard, the inbox). */
export const readerRoles = new Set(['MANAGEMENT', 'PLANNER', 'ANALYST', 'STAFF']);

/** Roles that plan: the planner's workbench (candidates, the optimal plan, regional events). */
export const plannerRoles = new Set(['MANAGEMENT', 'PLANNER', 'STAFF']);

/** Roles that erase personal data (management asks, staff confirm) and see the erasures done. */
export const privacyRoles = new Set(['MANAGEMENT', 'STAFF']);
