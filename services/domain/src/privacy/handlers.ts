import type { EventStore } from '@werkbezoek/eventstore';
import type { CommandMetadata, DataSubjectKind, ErasureReason } from '@werkbezoek/schema';
import { forgetLoadedStreams, handleCommand } from '../commandHandler.js';
import { newId, type CommandResult } from '../handlers.js';
import { dataSubjectDecider, dataSubjectStream, type DataSubjectCommand } from './dataSubject.js';

/** Where the handlers learn which kinds of data subject the log names an id as (a read model, in the API). */
export interface DataSubjectDirectory {
  /** The kinds the log names `subjectId` as; empty when no event names it as a data subject. */
  kindsOf(subjectId: string): Promise<readonly DataSubjectKind[]>;
}

/** The part of the key store an erasure needs (`SubjectKeyStore` of the event store). */
export interface ErasableKeys {
  /** Forgets the subject's key for good; idempotent. */
  erase(subjectId: string, erasedAt: string): Promise<boolean>;
}

export interface PrivacyHandlersOptions {
  readonly store: EventStore;
  readonly subjects: DataSubjectDirectory;
  readonly keys: ErasableKeys;
  /** Drops other caches of decrypted events once a key is gone (the domain context). */
  readonly forget?: () => void;
}

export interface ErasureResult extends CommandResult {
  readonly subjectId: string;
}

/**
 * The erasure commands. Confirming stores DataSubjectErased first and then
 * deletes the subject's key, so a crash in between leaves a recorded erasure
 * whose key the projector deletes when it starts (`ErasureEffect`); confirming
 * again does the same. The read models are rebuilt by the projector.
 */
export class PrivacyHandlers {
  constructor(private readonly options: PrivacyHandlersOptions) {}

  private handle(subjectId: string, command: DataSubjectCommand) {
    return handleCommand(this.options.store, dataSubjectDecider, dataSubjectStream(subjectId), command);
  }

  async requestErasure(
    input: { subjectId: string; reason: ErasureReason; caseReference?: string | undefined },
    meta: CommandMetadata,
  ): Promise<ErasureResult> {
    const erasureId = newId(meta, 'erasure');
    const kinds = await this.options.subjects.kindsOf(input.subjectId);
    const r = await this.handle(input.subjectId, {
      type: 'RequestDataSubjectErasure',
      data: { ...input, erasureId, kinds },
      metadata: meta,
    });
    return { id: erasureId, subjectId: input.subjectId, position: r.position };
  }

  async confirmErasure(input: { erasureId: string; subjectId: string }, meta: CommandMetadata): Promise<ErasureResult> {
    const r = await this.handle(input.subjectId, { type: 'ConfirmDataSubjectErasure', data: input, metadata: meta });
    await this.eraseKey(input.subjectId, meta.issuedAt);
    return { id: input.erasureId, subjectId: input.subjectId, position: r.position };
  }

  async cancelErasure(input: { erasureId: string; subjectId: string }, meta: CommandMetadata): Promise<ErasureResult> {
    const r = await this.handle(input.subjectId, { type: 'CancelDataSubjectErasure', data: input, metadata: meta });
    return { id: input.erasureId, subjectId: input.subjectId, position: r.position };
  }

  /** The retention job's erasure: the SYSTEM actor, reason RETENTION_EXPIRED, no second person (see the decider). */
  async erasePastRetention(input: { subjectId: string }, meta: CommandMetadata): Promise<ErasureResult> {
    const erasureId = newId(meta, 'erasure');
    const kinds = await this.options.subjects.kindsOf(input.subjectId);
    const r = await this.handle(input.subjectId, {
      type: 'EraseDataSubjectPastRetention',
      data: { erasureId, subjectId: input.subjectId, kinds },
      metadata: meta,
    });
    await this.eraseKey(input.subjectId, meta.issuedAt);
    return { id: erasureId, subjectId: input.subjectId, position: r.position };
  }

  private async eraseKey(subjectId: string, erasedAt: string): Promise<void> {
    await this.options.keys.erase(subjectId, erasedAt);
    // Folded streams and the domain context were read while the key existed: they hold the values in clear.
    forgetLoadedStreams(this.options.store);
    this.options.forget?.();
  }
}
