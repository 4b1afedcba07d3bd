import type { PolicyDomain } from '@werkbezoek/schema';
import { lessonFindings, lessonSites, type LessonTemplate } from './lessonTemplates.js';
import type { Random } from './random.js';
import { fill } from './texts.js';

/** The text of one lesson, in the language it is written in. */
export interface LessonText {
  readonly title: string;
  readonly body: string;
}

interface Candidate {
  readonly key: string;
  readonly title: string;
  readonly body: string;
  readonly sameLevel: boolean;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Writes the demo's lessons so that the catalogue reads like what different
 * teams wrote (issue 13): a Dutch lesson takes a finding of its domain that
 * was used least, as one of its titles not yet in the catalogue, set in a
 * place of the partner municipality; an English one takes its template's
 * text. Which lesson is learned (domain, level, phase, SDGs) stays the
 * generator's draw; the writer has a random generator of its own, so the
 * texts never shift the rest of the history.
 */
export class LessonWriter {
  private readonly findingUses = new Map<string, number>();
  private readonly titles = new Set<string>();

  constructor(private readonly rng: Random) {}

  write(
    template: LessonTemplate,
    domain: PolicyDomain | undefined,
    language: 'nl' | 'en',
    values: { partner: string; municipality: string; year: number },
  ): LessonText {
    if (language === 'en' || !domain) return this.keep(template[language], values);
    const site = this.rng.pick(lessonSites[domain]);
    const filled = { ...values, site };
    const candidates: Candidate[] = [
      {
        key: `${domain}/template/${template.nl.title}`,
        title: fill(template.nl.title, filled),
        body: fill(template.nl.body, filled),
        sameLevel: true,
      },
      ...(lessonFindings[domain] ?? []).flatMap((finding, index) =>
        finding.titles.map((title) => ({
          key: `${domain}/${index}`,
          title: capitalise(fill(title, filled)),
          body: fill(finding.body, filled),
          sameLevel: finding.level === template.level,
        })),
      ),
    ];
    const fresh = candidates.filter((c) => !this.titles.has(c.title));
    const pool = fresh.length > 0 ? fresh : candidates;
    const uses = (c: Candidate) => (this.findingUses.get(c.key) ?? 0) * 2 + (c.sameLevel ? 0 : 1);
    const least = Math.min(...pool.map(uses));
    const chosen = this.rng.pick(pool.filter((c) => uses(c) === least));
    this.findingUses.set(chosen.key, (this.findingUses.get(chosen.key) ?? 0) + 1);
    this.titles.add(chosen.title);
    return { title: chosen.title, body: chosen.body };
  }

  private keep(text: LessonText, values: Record<string, string | number>): LessonText {
    const title = fill(text.title, values);
    this.titles.add(title);
    return { title, body: fill(text.body, values) };
  }
}
