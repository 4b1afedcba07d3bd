import { tokens } from '../e2e/harness.js';
import {
  AFTER_VISIT,
  FIRST_DAY,
  MERELBEKE,
  World,
  ZOERSEL,
  type LessonView,
  type MissionView,
} from '../e2e/scenario.js';
import type { PlausibleContext } from './schemaOperations.js';

/**
 * A live platform with one of everything an operation can name, all of
 * Zoersel: a twinning, a staff member, an undecided request, two more a joint
 * mission can bundle, a joint mission and a regional event proposed, a mission
 * with a planned activity and a lesson, and an erasure asked for. The clock
 * stands after the mission's visit.
 */
export async function evidenceWorld(
  options: { log?: (message: string) => void } = {},
): Promise<{ world: World; context: PlausibleContext }> {
  const w = await World.start(options.log ? { platform: { log: options.log } } : {});
  w.setToday(FIRST_DAY);
  const jointMission = await w.jointMission({ startDate: '2026-06-01', endDate: '2026-06-05' });
  const bundle = await w.jointMissionInput({ startDate: '2026-09-07', endDate: '2026-09-11' });
  const regionalEvent = await w.regionalEvent({ startDate: '2026-10-05', endDate: '2026-10-07' });
  const undecided = await w.submit({ startDate: '2026-05-04', endDate: '2026-05-08' });
  const { missionId } = await w.mission();
  const planned: MissionView = await w.planActivity(missionId, 'TERMS_OF_REFERENCE', '2026-02-16');
  w.setToday(AFTER_VISIT);
  const lesson = await w.mutate<LessonView>(tokens.staff, 'recordLesson', {
    input: {
      missionId,
      title: 'Een stedenbandcomité met beide pijlers',
      body: 'Het comité werkt beter wanneer bestuur en middenveld samen aan tafel zitten.',
      level: 'PROCESS',
      policyDomains: ['LOCAL_GOVERNANCE'],
    },
  });
  const erasure = await w.erasureRequested();
  return {
    world: w,
    context: {
      ids: {
        twinningId: w.zoerselTwinningId,
        requestId: undecided.id,
        missionId,
        activityId: planned.activities[0]!.id,
        lessonId: lesson.id,
        staffMemberId: w.staffMemberId,
        jointMissionId: jointMission.id,
        regionalEventId: regionalEvent.id,
        erasureId: erasure.erasureId,
        subjectId: erasure.subjectId,
        requestIds: bundle.requestIds as string[],
      },
      nisCode: ZOERSEL.nisCode,
      otherNisCode: MERELBEKE.nisCode,
      today: w.today,
    },
  };
}
