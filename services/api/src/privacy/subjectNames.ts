import { ERASED_VALUE, personalDataOf, werkbezoekCatalogue, type RecordedEvent } from '@werkbezoek/schema';

/** The personal fields that say who or what a subject is: a person's name, a document's title. */
const NAMING_FIELD = /(^|\.)(name|title)$/;

/** The name `event` gives `subjectId` (a person's name, a document's title), unless it has none or it was erased. */
export function nameIn(event: RecordedEvent, subjectId: string): string | null {
  const definition = werkbezoekCatalogue.get(event.type);
  if (!definition) return null;
  for (const datum of personalDataOf(definition, event.data)) {
    if (datum.subjectId !== subjectId || !NAMING_FIELD.test(datum.path)) continue;
    if (typeof datum.value === 'string' && datum.value !== ERASED_VALUE && datum.value.trim() !== '')
      return datum.value;
  }
  return null;
}

/** The latest name `events` give `subjectId`: what a privacy officer recognises them by; null when none does. */
export function latestName(events: readonly RecordedEvent[], subjectId: string): string | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const name = nameIn(events[i]!, subjectId);
    if (name !== null) return name;
  }
  return null;
}
