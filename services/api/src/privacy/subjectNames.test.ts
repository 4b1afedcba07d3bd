import { ERASED_VALUE, type RecordedEvent } from '@werkbezoek/schema';
import { describe, expect, it } from 'vitest';
import { latestName, nameIn } from './subjectNames.js';

const ELS = '0190a5f2-1c2b-7d3e-8f40-1234567890ab';
const LESSON = '0190a5f2-1c2b-7d3e-8f40-1234567890ac';
const TWINNING = '0190a5f2-1c2b-7d3e-8f40-1234567890ad';

const event = (type: string, data: unknown, position: bigint) =>
  ({ type, data, position, streamId: 's', revision: 0n }) as unknown as RecordedEvent;

const contact = (name: string, position: bigint) =>
  event(
    'ContactLogged',
    {
      contactId: '0190a5f2-1c2b-7d3e-8f40-1234567890ae',
      twinningId: TWINNING,
      contactedOn: '2026-01-05',
      channel: 'PHONE',
      person: { personId: ELS, name, function: 'coördinator' },
      summary: `Gesprek met ${name}`,
    },
    position,
  );

describe('the name a data subject is recognised by', () => {
  it("is a person's name field, not their other personal fields", () => {
    expect(nameIn(contact('Els Wouters', 1n), ELS)).toBe('Els Wouters');
  });

  it("is a document's title", () => {
    const lesson = event('LessonRecorded', { lessonId: LESSON, title: 'Afval scheiden', body: 'Tekst' }, 2n);
    expect(nameIn(lesson, LESSON)).toBe('Afval scheiden');
  });

  it('is none for another subject, an erased value or a record without a naming field', () => {
    expect(nameIn(contact('Els Wouters', 1n), TWINNING)).toBeNull();
    expect(nameIn(contact(ERASED_VALUE, 1n), ELS)).toBeNull();
    expect(nameIn(event('NoSuchEvent', { name: 'x' }, 3n), ELS)).toBeNull();
  });

  it('is the latest the log gives, passing over events that carry none', () => {
    const events = [contact('Els Peeters', 1n), contact('Els Wouters', 2n), contact(ERASED_VALUE, 3n)];
    expect(latestName(events, ELS)).toBe('Els Wouters');
    expect(latestName([], ELS)).toBeNull();
  });
});
