import { applyDirectory, directory } from '../directory/directory.js';
import { defineProjection } from '../runner/projection.js';
import type { UnitOfWork } from '../runner/unitOfWork.js';
import {
  lessonColumns,
  lessonCounters,
  lessonMissions,
  lessonPolicyDomains,
  lessons,
  type LessonTable,
} from './table.js';

const json = (value: unknown) => JSON.stringify(value);
const dir = directory('lessons');

/**
 * A lesson row as the projection writes it: exactly the declared columns.
 * Rows read back through the unit of work are SELECT * of the physical table,
 * which on PostgreSQL includes the generated `search` column; writing that
 * back would fail, and the unit of work takes its column list from the first
 * row of a batch, so every lesson row must have the same keys.
 */
function lessonRow(row: LessonTable): LessonTable {
  return Object.fromEntries(lessonColumns.map((c) => [c, row[c]])) as unknown as LessonTable;
}

/**
 * Counts the changes to lessons (counter `changes`): a reader keeps a search's
 * answer while the count stands (lessonCatalogueVersion), where the
 * projection's checkpoint moves with every event of the log.
 */
async function countChange(uow: UnitOfWork): Promise<void> {
  const counter = await uow.get(lessonCounters, { name: 'changes' });
  uow.put(lessonCounters, { name: 'changes', value: (counter?.value ?? 0) + 1 });
}

async function updateLesson(
  uow: UnitOfWork,
  lessonId: string,
  change: (row: LessonTable) => Partial<LessonTable>,
): Promise<void> {
  const row = await uow.get(lessons, { lesson_id: lessonId });
  if (!row) return;
  uow.put(lessons, lessonRow({ ...row, ...change(row) }));
  await countChange(uow);
}

function replacePolicyDomains(
  uow: UnitOfWork,
  lessonId: string,
  before: readonly string[],
  after: readonly string[],
): void {
  for (const policyDomain of before)
    uow.delete(lessonPolicyDomains, { lesson_id: lessonId, policy_domain: policyDomain });
  for (const policyDomain of after) uow.put(lessonPolicyDomains, { lesson_id: lessonId, policy_domain: policyDomain });
}

/**
 * The good-practice catalogue: every lesson learned with its mission's type
 * and place, its author, and whether it was promoted or retracted; searchable
 * by full text in Dutch and English (see search.ts).
 */
export const lessonsProjection = defineProjection({
  name: 'lessons',
  // 3: the counter of changes to lessons (countChange).
  version: 3,
  cost: 2.5,
  // Only the staff part of a directory: author names. Its other tables would be written by events not handled here.
  tables: [lessons, lessonPolicyDomains, lessonMissions, lessonCounters, dir.staff],
  handles: [
    'StaffMemberRegistered',
    'MissionScheduled',
    'LessonRecorded',
    'LessonEdited',
    'LessonPromotedToGoodPractice',
    'LessonRetracted',
  ],
  async apply(e, uow) {
    if (e.type === 'StaffMemberRegistered') {
      await applyDirectory(dir, e, uow);
      return;
    }
    switch (e.type) {
      case 'MissionScheduled': {
        const d = e.data;
        uow.put(lessonMissions, {
          mission_id: d.missionId,
          mission_type: d.missionType,
          country_code: d.countryCode,
          region_code: d.regionCode,
          nis_codes: json(d.nisCodes),
        });
        return;
      }
      case 'LessonRecorded': {
        const d = e.data;
        const existing = await uow.get(lessons, { lesson_id: d.lessonId });
        let rowidRef = existing?.rowid_ref;
        if (rowidRef === undefined) {
          const counter = await uow.get(lessonCounters, { name: 'rowid_ref' });
          rowidRef = (counter?.value ?? 0) + 1;
          uow.put(lessonCounters, { name: 'rowid_ref', value: rowidRef });
        }
        const mission = await uow.get(lessonMissions, { mission_id: d.missionId });
        const author = await uow.get(dir.staff, { staff_member_id: d.authorStaffMemberId });
        replacePolicyDomains(
          uow,
          d.lessonId,
          existing ? (JSON.parse(existing.policy_domains) as string[]) : [],
          d.policyDomains,
        );
        uow.put(lessons, {
          lesson_id: d.lessonId,
          rowid_ref: rowidRef,
          mission_id: d.missionId,
          title: d.title,
          body: d.body,
          language: d.language,
          level: d.level,
          phase: d.phase,
          policy_domains: json(d.policyDomains),
          sdgs: json(d.sdgs),
          dac_criteria: json(d.dacCriteria),
          mission_type: mission?.mission_type ?? null,
          country_code: mission?.country_code ?? null,
          region_code: mission?.region_code ?? null,
          nis_codes: mission?.nis_codes ?? '[]',
          recorded_on: d.recordedOn,
          author_staff_member_id: d.authorStaffMemberId,
          author_name: author?.name ?? null,
          good_practice: 0,
          promoted_on: null,
          retracted: 0,
          retraction_reason: null,
          edited_count: 0,
        });
        await countChange(uow);
        return;
      }
      case 'LessonEdited': {
        const d = e.data;
        await updateLesson(uow, d.lessonId, (r) => {
          if (d.policyDomains)
            replacePolicyDomains(uow, d.lessonId, JSON.parse(r.policy_domains) as string[], d.policyDomains);
          return {
            title: d.title ?? r.title,
            body: d.body ?? r.body,
            language: d.language ?? r.language,
            level: d.level ?? r.level,
            phase: d.phase ?? r.phase,
            policy_domains: d.policyDomains ? json(d.policyDomains) : r.policy_domains,
            sdgs: d.sdgs ? json(d.sdgs) : r.sdgs,
            dac_criteria: d.dacCriteria ? json(d.dacCriteria) : r.dac_criteria,
            edited_count: r.edited_count + 1,
          };
        });
        return;
      }
      case 'LessonPromotedToGoodPractice':
        await updateLesson(uow, e.data.lessonId, () => ({ good_practice: 1, promoted_on: e.data.promotedOn }));
        return;
      case 'LessonRetracted':
        await updateLesson(uow, e.data.lessonId, () => ({ retracted: 1, retraction_reason: e.data.reason }));
        return;
      default:
        return;
    }
  },
});
