import type { PolicyDomain } from '@werkbezoek/schema';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { authorizeMutation } from '../auth/roles.js';
import { execute, type ApiContext } from '../context.js';
import { inApiTerms } from '../graphql/errors.js';
import { withoutNulls } from '../registry/withoutNulls.js';
import { loadJointMission, loadRegionalEvent } from './jointMission.resolver.js';
import { JointMission, RegionalEvent } from './jointMission.type.js';
import {
  AmendJointMissionInput,
  AmendRegionalEventInput,
  ApproveJointMissionInput,
  ApproveRegionalEventInput,
  ProposeJointMissionInput,
  ProposeRegionalEventInput,
  RejectJointMissionInput,
  RejectRegionalEventInput,
} from './planner.input.js';

/** The read model has the aggregate once the mutation waited for it; its absence is a bug, not a user's error. */
function found<T>(value: T | null, what: string): T {
  if (value === null) throw new GraphQLError(`${what} is missing from the read models after it was stored`);
  return value;
}

const jointMission = async (context: ApiContext, id: string) =>
  found(await loadJointMission(context, id), `Joint mission ${id}`);
const regionalEvent = async (context: ApiContext, id: string) =>
  found(await loadRegionalEvent(context, id), `Regional event ${id}`);

/** The event counts the requests' municipalities (`nisCodes`); the API's input names only the requests. */
const jointMissionTerms = { nisCodes: 'requestIds' } as const;

const regionalEventInput = (input: ProposeRegionalEventInput) => {
  const { themes, ...rest } = withoutNulls(input);
  return { ...rest, themes: themes as PolicyDomain[] };
};

/**
 * The planner's commands: planners and staff propose and amend joint
 * missions and regional events; management approves or rejects them.
 * Approving a joint mission accepts its requests and schedules its mission.
 */
@Resolver()
export class PlannerMutations {
  @Mutation(() => JointMission, {
    description:
      'Proposes one accompanied trip for several undecided requests in one country. Nothing is booked until management approves it; the other undecided requests in the region are reassessed.',
  })
  async proposeJointMission(
    @Arg('input', () => ProposeJointMissionInput) input: ProposeJointMissionInput,
    @Ctx() context: ApiContext,
  ): Promise<JointMission> {
    authorizeMutation(context.principal, 'proposeJointMission');
    const result = await inApiTerms(jointMissionTerms, () =>
      execute(context, (meta) => context.services.handlers.proposeJointMission(withoutNulls(input), meta)),
    );
    return jointMission(context, result.id);
  }

  @Mutation(() => JointMission, { description: 'Changes a proposed joint mission before it is decided.' })
  async amendJointMission(
    @Arg('input', () => AmendJointMissionInput) input: AmendJointMissionInput,
    @Ctx() context: ApiContext,
  ): Promise<JointMission> {
    authorizeMutation(context.principal, 'amendJointMission');
    const result = await inApiTerms(jointMissionTerms, () =>
      execute(context, (meta) => context.services.handlers.amendJointMission(withoutNulls(input), meta)),
    );
    return jointMission(context, result.id);
  }

  @Mutation(() => JointMission, {
    description:
      'Management approves a joint mission: each staff member is booked for the window, the budget is reserved once, every request is accepted and one mission is scheduled. No free days or no budget stores nothing.',
  })
  async approveJointMission(
    @Arg('input', () => ApproveJointMissionInput) input: ApproveJointMissionInput,
    @Ctx() context: ApiContext,
  ): Promise<JointMission> {
    authorizeMutation(context.principal, 'approveJointMission');
    const result = await execute(context, (meta) =>
      context.services.handlers.approveJointMission(withoutNulls(input), meta),
    );
    return jointMission(context, result.id);
  }

  @Mutation(() => JointMission, {
    description: 'Management rejects a proposed joint mission; its requests stay undecided.',
  })
  async rejectJointMission(
    @Arg('input', () => RejectJointMissionInput) input: RejectJointMissionInput,
    @Ctx() context: ApiContext,
  ): Promise<JointMission> {
    authorizeMutation(context.principal, 'rejectJointMission');
    const result = await execute(context, (meta) => context.services.handlers.rejectJointMission(input, meta));
    return jointMission(context, result.id);
  }

  @Mutation(() => RegionalEvent, { description: 'Proposes a regional conference, workshop or south-south exchange.' })
  async proposeRegionalEvent(
    @Arg('input', () => ProposeRegionalEventInput) input: ProposeRegionalEventInput,
    @Ctx() context: ApiContext,
  ): Promise<RegionalEvent> {
    authorizeMutation(context.principal, 'proposeRegionalEvent');
    const result = await execute(context, (meta) =>
      context.services.handlers.proposeRegionalEvent(regionalEventInput(input), meta),
    );
    return regionalEvent(context, result.id);
  }

  @Mutation(() => RegionalEvent, { description: 'Changes a proposed regional event before it is decided.' })
  async amendRegionalEvent(
    @Arg('input', () => AmendRegionalEventInput) input: AmendRegionalEventInput,
    @Ctx() context: ApiContext,
  ): Promise<RegionalEvent> {
    authorizeMutation(context.principal, 'amendRegionalEvent');
    const result = await execute(context, (meta) =>
      context.services.handlers.amendRegionalEvent(
        { ...regionalEventInput(input), regionalEventId: input.regionalEventId },
        meta,
      ),
    );
    return regionalEvent(context, result.id);
  }

  @Mutation(() => RegionalEvent, {
    description: 'Management approves a regional event: its budget is reserved and the staff who go are booked.',
  })
  async approveRegionalEvent(
    @Arg('input', () => ApproveRegionalEventInput) input: ApproveRegionalEventInput,
    @Ctx() context: ApiContext,
  ): Promise<RegionalEvent> {
    authorizeMutation(context.principal, 'approveRegionalEvent');
    const result = await execute(context, (meta) =>
      context.services.handlers.approveRegionalEvent(withoutNulls(input), meta),
    );
    return regionalEvent(context, result.id);
  }

  @Mutation(() => RegionalEvent, { description: 'Management rejects a proposed regional event.' })
  async rejectRegionalEvent(
    @Arg('input', () => RejectRegionalEventInput) input: RejectRegionalEventInput,
    @Ctx() context: ApiContext,
  ): Promise<RegionalEvent> {
    authorizeMutation(context.principal, 'rejectRegionalEvent');
    const result = await execute(context, (meta) => context.services.handlers.rejectRegionalEvent(input, meta));
    return regionalEvent(context, result.id);
  }
}
