import {
  getLessonById,
  lessonColumns,
  searchLessons,
  toLessonView,
  type LessonFilter as ReadFilter,
  type LessonsDb,
} from '@werkbezoek/projections';
import { NotFoundError, type PolicyDomain } from '@werkbezoek/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { auditTrail } from '../analytics/audit.js';
import { AuditEntryConnection, type AuditEntry } from '../analytics/audit.type.js';
import { authorize, authorizeMutation } from '../auth/roles.js';
import { execute, views, type ApiContext } from '../context.js';
import { pageSize, TotalCountResolver, type Connection } from '../graphql/connection.js';
import { authorizeMission, findMission } from '../missions/mission.load.js';
import { toMission } from '../missions/mission.map.js';
import { withoutNulls } from '../registry/withoutNulls.js';
import { Mission, MunicipalityRef } from '../requests/request.type.js';
import { EditLessonInput, LessonFilter, RecordLessonInput, RetractLessonInput } from './lesson.input.js';
import { toLesson } from './lesson.map.js';
import { countOf, facetsOf, keptSearch, municipalityName } from './lessonReads.js';
import { Lesson, LessonConnection, LessonFacets, type LessonEdge } from './lesson.type.js';

function readFilter(filter: LessonFilter | null | undefined): ReadFilter {
  return withoutNulls({ ...filter });
}

async function load(context: ApiContext, lessonId: string): Promise<Lesson> {
  const view = await getLessonById(views<LessonsDb>(context), lessonId);
  if (!view) throw new NotFoundError(`Lesson ${lessonId} does not exist`);
  return toLesson(view);
}

@Resolver(() => Lesson)
export class LessonResolver {
  @Query(() => LessonConnection, {
    description:
      'The catalogue of lessons learned and good practices, filtered and optionally searched (Dutch or English words): good practices first, then the best match when searching, else the newest; each edge of a search highlights its matches.',
  })
  async lessons(
    @Ctx() context: ApiContext,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('filter', () => LessonFilter, { nullable: true }) filter?: LessonFilter | null,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<{ edges: LessonEdge[]; pageInfo: LessonConnection['pageInfo']; count: () => Promise<number> }> {
    authorize(context.principal, 'readAll');
    const request = { filter: readFilter(filter), ...(search ? { search } : {}) };
    const pageRequest = { ...request, first: pageSize(first), ...(after ? { after } : {}) };
    const page = await keptSearch(context, 'page', pageRequest, () =>
      searchLessons(context.services.readModels, pageRequest),
    );
    return {
      edges: page.edges.map((e) => ({ cursor: e.cursor, node: toLesson(e.node), highlight: e.node.highlight })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.edges.at(-1)?.cursor ?? null },
      count: () => countOf(context, request),
    };
  }

  @Query(() => LessonFacets, {
    description:
      "Facet counts for a search and filter, as `lessons` takes them: per facet, how many lessons each value leads to when chosen instead of that facet's current values.",
  })
  async lessonFacets(
    @Ctx() context: ApiContext,
    @Arg('search', () => String, { nullable: true }) search?: string | null,
    @Arg('filter', () => LessonFilter, { nullable: true }) filter?: LessonFilter | null,
  ): Promise<LessonFacets> {
    authorize(context.principal, 'readAll');
    const facets = await facetsOf(context, { filter: readFilter(filter), ...(search ? { search } : {}) });
    return {
      policyDomains: facets.policyDomain,
      countries: facets.country,
      regions: facets.region,
      missionTypes: facets.missionType,
      phases: facets.phase,
      levels: facets.level,
      goodPractice: facets.goodPractice,
    };
  }

  @Query(() => Lesson, { nullable: true, description: 'One lesson, retracted ones included.' })
  async lesson(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<Lesson | null> {
    authorize(context.principal, 'readAll');
    const view = await getLessonById(views<LessonsDb>(context), id);
    return view ? toLesson(view) : null;
  }

  @FieldResolver(() => [MunicipalityRef], { description: "The mission's municipalities." })
  async municipalities(@Root() lesson: Lesson, @Ctx() context: ApiContext): Promise<MunicipalityRef[]> {
    return Promise.all(
      lesson.nisCodes.map(async (nisCode) => ({ nisCode, name: await municipalityName(context, nisCode) })),
    );
  }

  @FieldResolver(() => Mission, { nullable: true, description: 'The mission the lesson was learned from.' })
  async mission(@Root() lesson: Lesson, @Ctx() context: ApiContext): Promise<Mission | null> {
    const view = await findMission(context, lesson.missionId);
    if (!view) return null;
    authorizeMission(context, view);
    return toMission(view);
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Every event of the lesson, oldest first.' })
  auditTrail(
    @Root() lesson: Lesson,
    @Ctx() context: ApiContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<AuditEntry>> {
    authorize(context.principal, 'readAll');
    return auditTrail(context, `lesson-${lesson.id}`, first, after);
  }

  @Mutation(() => Lesson, { description: 'Staff record a lesson learned from a mission.' })
  async recordLesson(
    @Arg('input', () => RecordLessonInput) input: RecordLessonInput,
    @Ctx() context: ApiContext,
  ): Promise<Lesson> {
    authorizeMutation(context.principal, 'recordLesson');
    const { authorStaffMemberId, phase, policyDomains, ...rest } = withoutNulls(input);
    let author = authorStaffMemberId;
    if (!author) {
      const mission = await findMission(context, input.missionId);
      if (!mission)
        throw new NotFoundError(`Mission ${input.missionId} does not exist: a lesson is learned from a mission`);
      author = mission.staffMemberIds[0];
    }
    const result = await execute(context, (meta) =>
      context.services.handlers.recordLesson(
        {
          ...rest,
          // Lessons are mostly drawn in the processing afterwards (feedback on findings and lessons learned).
          phase: phase ?? 'PROCESSING',
          policyDomains: policyDomains as PolicyDomain[],
          authorStaffMemberId: author!,
        },
        meta,
      ),
    );
    return load(context, result.id);
  }

  @Mutation(() => Lesson, { description: 'Staff correct or complete a lesson; give only the fields that change.' })
  async editLesson(
    @Arg('input', () => EditLessonInput) input: EditLessonInput,
    @Ctx() context: ApiContext,
  ): Promise<Lesson> {
    authorizeMutation(context.principal, 'editLesson');
    const { policyDomains, ...rest } = withoutNulls(input);
    const result = await execute(context, (meta) =>
      context.services.handlers.editLesson(
        { ...rest, ...(policyDomains ? { policyDomains: policyDomains as PolicyDomain[] } : {}) },
        meta,
      ),
    );
    return load(context, result.id);
  }

  @Mutation(() => Lesson, {
    description: 'Staff make a lesson a good practice (goed praktijkvoorbeeld) for training other municipalities.',
  })
  async promoteToGoodPractice(
    @Arg('lessonId', () => ID) lessonId: string,
    @Ctx() context: ApiContext,
    @Arg('rationale', () => String, { nullable: true }) rationale?: string | null,
  ): Promise<Lesson> {
    authorizeMutation(context.principal, 'promoteToGoodPractice');
    const result = await execute(context, (meta) =>
      context.services.handlers.promoteToGoodPractice({ lessonId, ...(rationale ? { rationale } : {}) }, meta),
    );
    return load(context, result.id);
  }

  @Mutation(() => Lesson, { description: 'Staff withdraw a lesson from the catalogue.' })
  async retractLesson(
    @Arg('input', () => RetractLessonInput) input: RetractLessonInput,
    @Ctx() context: ApiContext,
  ): Promise<Lesson> {
    authorizeMutation(context.principal, 'retractLesson');
    const { lessonId, reason } = input;
    const result = await execute(context, (meta) =>
      context.services.handlers.retractLesson({ lessonId, reason }, meta),
    );
    return load(context, result.id);
  }
}

export const LessonConnectionResolver = TotalCountResolver(LessonConnection);

@Resolver(() => Mission)
export class MissionLessonsResolver {
  @FieldResolver(() => [Lesson], { description: 'The lessons learned from the mission, oldest first; not retracted.' })
  async lessons(@Root() mission: Mission, @Ctx() context: ApiContext): Promise<Lesson[]> {
    authorize(context.principal, 'readAll');
    const rows = await views<LessonsDb>(context)
      .selectFrom('lessons')
      .select(lessonColumns.map((c) => `lessons.${c}` as const))
      .where('mission_id', '=', mission.id)
      .where('retracted', '=', 0)
      .orderBy('recorded_on')
      .orderBy('lesson_id')
      .execute();
    return rows.map((r) => toLesson(toLessonView(r)));
  }
}
