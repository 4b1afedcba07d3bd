import { inApiTerms } from '../graphql/errors.js';
import { budgetOverview, capacitySummary, staffCapacity, type CapacityDb } from '@werkbezoek/projections';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { auditTrail } from '../analytics/audit.js';
import { AuditEntryConnection, type AuditEntry } from '../analytics/audit.type.js';
import { authorize, authorizeMutation } from '../auth/roles.js';
import { execute, views, type ApiContext } from '../context.js';
import type { Connection } from '../graphql/connection.js';
import { AllocateBudgetInput, DeclareStaffCapacityInput, RegisterStaffMemberInput } from './registry.input.js';
import { findStaffMember, loadStaffMember } from './registry.load.js';
import { toBudget, toStaffCapacity } from './registry.map.js';
import { Budget, StaffCapacity, StaffMember, YearCapacity } from './registry.type.js';
import { withoutNulls } from './withoutNulls.js';

const db = (context: ApiContext) => views<CapacityDb>(context);

@Resolver(() => StaffMember)
export class StaffResolver {
  @Query(() => StaffMember, { nullable: true })
  async staffMember(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<StaffMember | null> {
    authorize(context.principal, 'readAll');
    return (await findStaffMember(context, id)) ?? null;
  }

  @Query(() => [StaffMember], { description: 'Every registered staff member, by name.' })
  async staffMembers(@Ctx() context: ApiContext): Promise<StaffMember[]> {
    authorize(context.principal, 'readAll');
    const staff = await db(context).selectFrom('capacity_staff').selectAll().execute();
    const declarations = await db(context)
      .selectFrom('capacity_declarations')
      .selectAll()
      .orderBy('from_year')
      .execute();
    return staff
      .map((s) => ({
        id: s.staff_member_id,
        name: s.name,
        declarations: declarations
          .filter((d) => d.staff_member_id === s.staff_member_id)
          .map((d) => ({ fromYear: d.from_year, days: d.days })),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
  }

  @Query(() => [StaffCapacity], { description: "Every staff member's days in a year: declared, booked, used, free." })
  async staffCapacity(@Arg('year', () => Int) year: number, @Ctx() context: ApiContext): Promise<StaffCapacity[]> {
    authorize(context.principal, 'readAll');
    return (await staffCapacity(db(context), year)).map(toStaffCapacity);
  }

  @Query(() => [YearCapacity], {
    description: "The team's days in every year of the range: declared, booked, used and free, summed over the staff.",
  })
  async capacitySummary(
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
    @Ctx() context: ApiContext,
  ): Promise<YearCapacity[]> {
    authorize(context.principal, 'readAll');
    return capacitySummary(db(context), { fromYear, toYear });
  }

  @FieldResolver(() => StaffCapacity, { description: "The staff member's days in a year." })
  async capacity(
    @Root() staff: StaffMember,
    @Arg('year', () => Int) year: number,
    @Ctx() context: ApiContext,
  ): Promise<StaffCapacity> {
    authorize(context.principal, 'readAll');
    const all = await staffCapacity(db(context), year);
    const mine = all.find((c) => c.staffMemberId === staff.id);
    return mine
      ? toStaffCapacity(mine)
      : { staffMemberId: staff.id, name: staff.name, year, declaredDays: 0, bookedDays: 0, usedDays: 0, freeDays: 0 };
  }

  @FieldResolver(() => AuditEntryConnection, { description: 'Every event of the staff member, oldest first.' })
  auditTrail(
    @Root() staff: StaffMember,
    @Ctx() context: ApiContext,
    @Arg('first', () => Int, { nullable: true }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<AuditEntry>> {
    authorize(context.principal, 'readAll');
    return auditTrail(context, `staff-${staff.id}`, first, after);
  }

  @Mutation(() => StaffMember, { description: 'Staff register a colleague who can accompany visits.' })
  async registerStaffMember(
    @Arg('input', () => RegisterStaffMemberInput) input: RegisterStaffMemberInput,
    @Ctx() context: ApiContext,
  ): Promise<StaffMember> {
    authorizeMutation(context.principal, 'registerStaffMember');
    const result = await inApiTerms({ days: 'daysPerYear' }, () =>
      execute(context, (meta) => context.services.handlers.registerStaffMember(withoutNulls(input), meta)),
    );
    return loadStaffMember(context, result.id);
  }

  @Mutation(() => StaffMember, {
    description: 'Staff declare the days a staff member can spend per year, from a year on.',
  })
  async declareStaffCapacity(
    @Arg('input', () => DeclareStaffCapacityInput) input: DeclareStaffCapacityInput,
    @Ctx() context: ApiContext,
  ): Promise<StaffMember> {
    authorizeMutation(context.principal, 'declareStaffCapacity');
    const { staffMemberId, year, days } = input;
    const result = await execute(context, (meta) =>
      context.services.handlers.declareStaffCapacity({ staffMemberId, year, days }, meta),
    );
    return loadStaffMember(context, result.id);
  }
}

@Resolver(() => Budget)
export class BudgetResolver {
  @Query(() => [Budget], { description: 'The programme budget of every year in the range, zeros included.' })
  async budgets(
    @Arg('fromYear', () => Int) fromYear: number,
    @Arg('toYear', () => Int) toYear: number,
    @Ctx() context: ApiContext,
  ): Promise<Budget[]> {
    authorize(context.principal, 'readAll');
    return (await budgetOverview(db(context), { fromYear, toYear })).map(toBudget);
  }

  @Mutation(() => Budget, { description: "Management add to a year's programme budget." })
  async allocateBudget(
    @Arg('input', () => AllocateBudgetInput) input: AllocateBudgetInput,
    @Ctx() context: ApiContext,
  ): Promise<Budget> {
    authorizeMutation(context.principal, 'allocateBudget');
    const { year } = input;
    await execute(context, (meta) => context.services.handlers.allocateBudget(withoutNulls(input), meta));
    const [budget] = await budgetOverview(db(context), { fromYear: year, toYear: year });
    return toBudget(budget!);
  }
}
