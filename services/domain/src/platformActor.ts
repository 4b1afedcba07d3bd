import type { Actor } from '@werkbezoek/schema';

/**
 * The platform as the actor of what it does on its own, such as reassessing
 * the other undecided requests of a region when one request there appears,
 * moves or leaves. The person whose command set it off acted on their own
 * request only: recording them on another municipality's stream would show
 * one municipality's coordinator in another's history (issue 15).
 */
export const platformActor: Actor = { id: 'platform', role: 'SYSTEM' };
