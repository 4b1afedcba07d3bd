import { jointMissionStream, regionalEventStream } from '@werkbezoek/domain';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { authorize, authorizeMunicipality } from '../auth/roles.js';
import type { ApiContext } from '../context.js';
import type { Connection } from '../graphql/connection.js';
import { JointMission, RegionalEvent } from '../planner/jointMission.type.js';
import { AccompanimentRequest } from '../requests/request.type.js';
import { auditTrail } from './audit.js';
import { AuditEntryConnection, type AuditEntry } from './audit.type.js';

@Resolver(() => AccompanimentRequest)
export class RequestAuditResolver {
  @FieldResolver(() => AuditEntryConnection, {
    description: "Every event of the request, oldest first; a coordinator sees their own municipality's.",
  })
  auditTrail(
    @Root() request: AccompanimentRequest,
    @Ctx() context: ApiContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<AuditEntry>> {
    if (context.principal.role === 'COORDINATOR')
      authorizeMunicipality(context.principal, request.municipality.nisCode);
    else authorize(context.principal, 'readAll');
    return auditTrail(context, `request-${request.id}`, first, after);
  }
}

@Resolver(() => JointMission)
export class JointMissionAuditResolver {
  @FieldResolver(() => AuditEntryConnection, {
    description: 'Every event of the joint mission (proposal, amendments, decision), oldest first.',
  })
  auditTrail(
    @Root() jointMission: JointMission,
    @Ctx() context: ApiContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<AuditEntry>> {
    authorize(context.principal, 'plan');
    return auditTrail(context, jointMissionStream(jointMission.id), first, after);
  }
}

@Resolver(() => RegionalEvent)
export class RegionalEventAuditResolver {
  @FieldResolver(() => AuditEntryConnection, {
    description: 'Every event of the regional event (proposal, amendments, decision), oldest first.',
  })
  auditTrail(
    @Root() regionalEvent: RegionalEvent,
    @Ctx() context: ApiContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<AuditEntry>> {
    authorize(context.principal, 'plan');
    return auditTrail(context, regionalEventStream(regionalEvent.id), first, after);
  }
}
