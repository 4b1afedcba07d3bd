import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokens } from './harness.js';
import { World, expectRefused } from './scenario.js';

/*
 * What the web UI asks before anything else: who is signed in and what that
 * role may do.
 */

let world: World;
beforeAll(async () => {
  world = await World.start();
});
afterAll(() => world.close());

const VIEWER = `{ viewer { role nisCode municipalityName displayName allowedMutations } }`;

describe('viewer', () => {
  it("answers a coordinator's municipality and the mutations a coordinator may call", async () => {
    const { viewer } = await world.run<{ viewer: unknown }>(tokens.zoersel, VIEWER);
    expect(viewer).toEqual({
      role: 'COORDINATOR',
      nisCode: '11055',
      municipalityName: 'Zoersel',
      displayName: 'Demo coordinator 11055',
      allowedMutations: ['submitAccompanimentRequest', 'amendAccompanimentRequest', 'withdrawAccompanimentRequest'],
    });
  });

  it('answers no municipality for other roles, and their own mutations', async () => {
    const management = await world.run<{ viewer: unknown }>(tokens.management, VIEWER);
    expect(management.viewer).toEqual({
      role: 'MANAGEMENT',
      nisCode: null,
      municipalityName: null,
      displayName: 'Demo management',
      allowedMutations: ['allocateBudget'],
    });
    const planner = await world.run<{ viewer: { allowedMutations: string[] } }>(tokens.planner, VIEWER);
    expect(planner.viewer.allowedMutations).toEqual([]);
    const staff = await world.run<{ viewer: { allowedMutations: string[] } }>(tokens.staff, VIEWER);
    expect(staff.viewer.allowedMutations).toEqual(expect.arrayContaining(['decideAccompaniment', 'recordLesson']));
    expect(staff.viewer.allowedMutations).not.toContain('submitAccompanimentRequest');
  });

  it('needs a token', async () => {
    expectRefused(await world.send(undefined, VIEWER), 'UNAUTHENTICATED');
  });
});
