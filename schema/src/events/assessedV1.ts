import { lazyProperty } from '../lazyProperty.js';
import { ERASED_VALUE } from '../personalData.js';
import { staffToken } from '../staffTokens.js';

/**
 * AccompanimentRequestAssessed as version 1 stored it: the staff member with
 * the most free days by name, in the staff-time sentence of the explanation
 * and in `inputs.staff.mostFree.name`. Both are sealed with the request's
 * key, not the staff member's, so the name outlived their erasure.
 */
interface AssessedV1 {
  readonly explanation?: unknown;
  readonly inputs?: unknown;
  readonly [field: string]: unknown;
}

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The staff member an assessment's inputs name, with the name version 1 kept. */
function mostFreeOf(inputs: unknown): { staffMemberId: string; name: string } | undefined {
  const staff = isRecord(inputs) ? inputs.staff : undefined;
  const mostFree = isRecord(staff) ? staff.mostFree : undefined;
  if (!isRecord(mostFree)) return undefined;
  const { staffMemberId, name } = mostFree;
  return typeof staffMemberId === 'string' && typeof name === 'string' ? { staffMemberId, name } : undefined;
}

/** The inputs without `staff.mostFree.name`; the id and the figures stay. */
function inputsWithoutName(inputs: unknown): unknown {
  if (!isRecord(inputs) || !isRecord(inputs.staff) || !isRecord(inputs.staff.mostFree)) return inputs;
  if (!('name' in inputs.staff.mostFree)) return inputs;
  const { name: _name, ...mostFree } = inputs.staff.mostFree;
  return { ...inputs, staff: { ...inputs.staff, mostFree } };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The explanation with every occurrence of the staff member's name replaced
 * by their token: as a whole word (not "Mol" inside "Molenbeek"), in any
 * sentence, although assess() only ever wrote it in the staff-time one.
 */
function explanationWithToken(explanation: unknown, inputs: unknown): unknown {
  const named = mostFreeOf(inputs);
  if (!named || named.name.trim() === '' || !isRecord(explanation)) return explanation;
  let token: string;
  try {
    token = staffToken(named.staffMemberId);
  } catch {
    // Not an id a token can hold (ids are UUIDs): the name goes all the same.
    token = ERASED_VALUE;
  }
  const name = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(named.name)}(?![\\p{L}\\p{N}])`, 'gu');
  const lift = (sentences: unknown) =>
    Array.isArray(sentences)
      ? sentences.map((s: unknown) => (typeof s === 'string' ? s.replace(name, () => token) : s))
      : sentences;
  return { ...explanation, nl: lift(explanation.nl), en: lift(explanation.en) };
}

/**
 * Version 1 → 2: the staff member by id only. The explanation holds their
 * token (staffTokens.ts) where it held their name, and the inputs keep
 * `staffMemberId` and the figures of `staff.mostFree` without `name`. So an
 * assessment stored before reads like one written now, and no reader can show
 * the name of a staff member who was erased since.
 *
 * The store opens sealed personal values lazily, on first read; this keeps
 * them so: the other fields are copied as they are (property descriptors,
 * never read), `explanation` and `inputs` are lifted when first read. A
 * projection that reads neither (the dashboard's) decrypts neither. The data
 * given is never changed (the memory store keeps it).
 */
export function assessedV1ToV2(data: AssessedV1): object {
  const out: Json = {};
  for (const key of Object.keys(data)) {
    if (key === 'explanation') lazyProperty(out, key, () => explanationWithToken(data.explanation, data.inputs));
    else if (key === 'inputs') lazyProperty(out, key, () => inputsWithoutName(data.inputs));
    else Object.defineProperty(out, key, Object.getOwnPropertyDescriptor(data, key)!);
  }
  return out;
}
