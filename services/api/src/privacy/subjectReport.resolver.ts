import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { authorize } from '../auth/roles.js';
import type { ApiContext } from '../context.js';
import { buildSubjectReport, reportFileName, type SubjectReport } from './subjectReport.js';
import { DataSubjectReport } from './subjectReport.type.js';

function toGraphQL(report: SubjectReport): DataSubjectReport {
  return {
    subjectId: report.subjectId,
    generatedAt: report.generatedAt,
    kinds: report.kinds.map((k) => ({ ...k })),
    firstSeenAt: report.firstSeenAt,
    lastSeenAt: report.lastSeenAt,
    erasedOn: report.erasedOn,
    displayName: report.displayName,
    events: report.events.map((e) => ({
      position: e.position,
      streamId: e.streamId,
      revision: e.revision,
      type: e.type,
      occurredAt: e.occurredAt,
      actorRole: e.actorRole,
      kinds: [...e.kinds],
      fields: [...e.fields],
      data: JSON.stringify(e.data),
    })),
    readModelRows: report.readModelRows.map((r) => ({
      readModel: r.readModel,
      table: r.table,
      key: JSON.stringify(r.key),
      columns: Object.entries(r.columns).map(([name, value]) => ({ name, value: JSON.stringify(value) })),
    })),
    json: JSON.stringify(report, null, 2),
    fileName: reportFileName(report),
  };
}

@Resolver()
export class DataSubjectReportResolver {
  @Query(() => DataSubjectReport, {
    description:
      "Everything the platform holds about one data subject (a person, or a record's text), for a subject access request: the events that name them, decrypted, with other people's data hidden, and the read-model rows that hold their id or values. Management and staff.",
  })
  async dataSubjectReport(
    @Arg('subjectId', () => ID) subjectId: string,
    @Ctx() context: ApiContext,
  ): Promise<DataSubjectReport> {
    authorize(context.principal, 'personalData');
    return toGraphQL(await buildSubjectReport(context.services, subjectId, context.services.now()));
  }
}
