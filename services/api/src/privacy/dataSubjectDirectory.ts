import type { DataSubjectDirectory } from '@werkbezoek/domain';
import { getDataSubject, type DataSubjectsDb, type ReadModelDb } from '@werkbezoek/projections';
import type { Kysely } from 'kysely';

/** Which kinds of data subject the log names an id as, from the data-subjects read model. */
export function readModelDirectory(readModels: ReadModelDb): DataSubjectDirectory {
  return {
    async kindsOf(subjectId) {
      const subject = await getDataSubject(readModels.db as Kysely<DataSubjectsDb>, subjectId);
      return subject?.kinds.map((k) => k.kind) ?? [];
    },
  };
}
