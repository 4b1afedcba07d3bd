/**
 * A reader for the subset of YAML our docker-compose.yml is written in, so the
 * deployment tests need no YAML dependency (the workspace has none of its own).
 *
 * Supported: block mappings and block sequences (by indentation, spaces only),
 * sequence items that open a mapping (`- key: value`), one-line flow sequences
 * of scalars (`['CMD', 'x']`), plain, 'single' and "double" quoted scalars,
 * comments. Plain `true`/`false` are booleans, `null`/`~` null, integers and
 * decimals numbers; everything else is a string.
 *
 * Refused with the line number, rather than misread: anchors, aliases and merge
 * keys, tags, block scalars (`|`, `>`), flow mappings, multi-line flow
 * sequences, duplicate keys, tabs in indentation, several documents, and the
 * YAML 1.1 booleans `yes`/`no`/`on`/`off` unquoted (Compose reads them as
 * booleans, most people as strings: quote them).
 */
export type YamlValue = string | number | boolean | null | YamlValue[] | { [key: string]: YamlValue };

export class YamlSubsetError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'YamlSubsetError';
  }
}

interface Line {
  readonly number: number;
  readonly indent: number;
  readonly text: string;
}

/** Where a comment starts in a line (-1 for none): a `#` at the start or after a space, outside quotes. */
function commentStart(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) {
        if (quote === "'" && line[i + 1] === "'") i++;
        else quote = undefined;
      } else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return i;
    // A quote opens a scalar only where a scalar starts: after indentation, `: `, `- `, `[` or `,`.
    if ((c === "'" || c === '"') && /(^|[:\-[,])\s*$/.test(line.slice(0, i))) quote = c;
  }
  return -1;
}

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const number = i + 1;
    const cut = commentStart(raw);
    const content = (cut === -1 ? raw : raw.slice(0, cut)).trimEnd();
    if (content.trim() === '') return;
    const indentation = /^[ \t]*/.exec(content)![0];
    if (indentation.includes('\t')) throw new YamlSubsetError('tabs in indentation', number);
    if (/^(---|\.\.\.)(\s|$)/.test(content)) throw new YamlSubsetError('document markers (one document only)', number);
    lines.push({ number, indent: indentation.length, text: content.slice(indentation.length) });
  });
  return lines;
}

/** The index of the `:` that separates a mapping key from its value, outside quotes; -1 for none. */
function keySeparator(text: string): number {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (i === 0 && (c === "'" || c === '"')) quote = c;
    else if (c === ':' && (i === text.length - 1 || text[i + 1] === ' ')) return i;
  }
  return -1;
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

function parseQuoted(text: string, line: number): string {
  if (text.startsWith("'")) {
    if (text.length < 2 || !text.endsWith("'")) throw new YamlSubsetError(`unterminated quote: ${text}`, line);
    const inner = text.slice(1, -1);
    if (/'(?!')/.test(inner.replace(/''/g, ''))) throw new YamlSubsetError(`text after a quoted scalar: ${text}`, line);
    return inner.replace(/''/g, "'");
  }
  if (text.length < 2 || !text.endsWith('"')) throw new YamlSubsetError(`unterminated quote: ${text}`, line);
  try {
    // JSON's string escapes are the part of YAML's we accept.
    return JSON.parse(text) as string;
  } catch {
    throw new YamlSubsetError(`a double-quoted scalar with escapes outside JSON's: ${text}`, line);
  }
}

function parseScalar(text: string, line: number): YamlValue {
  if (text.startsWith("'") || text.startsWith('"')) return parseQuoted(text, line);
  if (/^[&*!]/.test(text)) throw new YamlSubsetError(`anchors, aliases and tags are outside the subset: ${text}`, line);
  if (/^[|>]/.test(text)) throw new YamlSubsetError(`block scalars are outside the subset: ${text}`, line);
  if (text.startsWith('{')) throw new YamlSubsetError(`flow mappings are outside the subset: ${text}`, line);
  if (/^[@`%]/.test(text)) throw new YamlSubsetError(`a plain scalar cannot start with ${text[0]}: quote it`, line);
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text === 'null' || text === '~') return null;
  if (/^(yes|no|on|off|y|n)$/i.test(text) || /^(true|false|null)$/i.test(text))
    throw new YamlSubsetError(`"${text}" reads as a boolean in YAML 1.1 and as a string in 1.2: quote it`, line);
  if (/^[-+]?\d+$/.test(text) || /^[-+]?\d+\.\d+$/.test(text)) return Number(text);
  return text;
}

function parseFlowSequence(text: string, line: number): YamlValue[] {
  if (!text.endsWith(']')) throw new YamlSubsetError(`a flow sequence must close on its line: ${text}`, line);
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  const items: string[] = [];
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
    } else if ((c === "'" || c === '"') && inner.slice(start, i).trim() === '') quote = c;
    else if (c === '[' || c === '{') throw new YamlSubsetError(`nested flow collections are outside the subset`, line);
    else if (c === ',') {
      items.push(inner.slice(start, i).trim());
      start = i + 1;
    }
  }
  if (quote) throw new YamlSubsetError(`unterminated quote in ${text}`, line);
  const last = inner.slice(start).trim();
  if (last !== '') items.push(last);
  return items.map((item) => {
    if (item === '') throw new YamlSubsetError(`an empty item in ${text}`, line);
    return parseScalar(item, line);
  });
}

function parseInline(text: string, line: number): YamlValue {
  return text.startsWith('[') ? parseFlowSequence(text, line) : parseScalar(text, line);
}

class Parser {
  private index = 0;
  constructor(private readonly lines: Line[]) {}

  parseDocument(): YamlValue {
    if (this.lines.length === 0) return null;
    const first = this.lines[0]!;
    const value = this.parseBlock(first.indent);
    const rest = this.lines[this.index];
    if (rest) throw new YamlSubsetError(`unexpected indentation or content: ${rest.text}`, rest.number);
    return value;
  }

  private parseBlock(indent: number): YamlValue {
    const line = this.lines[this.index]!;
    return isSequenceItem(line.text) ? this.parseSequence(indent) : this.parseMapping(indent);
  }

  /** The value after `key:` or `-` when nothing follows on the line: a deeper block, or null. */
  private parseNested(parentIndent: number): YamlValue {
    const next = this.lines[this.index];
    if (!next || next.indent <= parentIndent) {
      if (next && next.indent === parentIndent && isSequenceItem(next.text))
        throw new YamlSubsetError('indent a sequence under its key', next.number);
      return null;
    }
    return this.parseBlock(next.indent);
  }

  private parseMapping(indent: number): { [key: string]: YamlValue } {
    const mapping: { [key: string]: YamlValue } = {};
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!;
      if (line.indent < indent) break;
      if (line.indent > indent) throw new YamlSubsetError(`unexpected indentation: ${line.text}`, line.number);
      if (isSequenceItem(line.text)) throw new YamlSubsetError(`a sequence item inside a mapping`, line.number);
      const colon = keySeparator(line.text);
      if (colon === -1) throw new YamlSubsetError(`expected "key: value": ${line.text}`, line.number);
      const rawKey = line.text.slice(0, colon).trim();
      if (rawKey === '<<') throw new YamlSubsetError('merge keys are outside the subset', line.number);
      const key = rawKey.startsWith("'") || rawKey.startsWith('"') ? parseQuoted(rawKey, line.number) : rawKey;
      if (key === '' || /^[&*!?[{]/.test(key)) throw new YamlSubsetError(`an unsupported key: ${rawKey}`, line.number);
      if (Object.prototype.hasOwnProperty.call(mapping, key))
        throw new YamlSubsetError(`duplicate key "${key}"`, line.number);
      const rest = line.text.slice(colon + 1).trim();
      this.index++;
      mapping[key] = rest === '' ? this.parseNested(indent) : parseInline(rest, line.number);
    }
    return mapping;
  }

  private parseSequence(indent: number): YamlValue[] {
    const sequence: YamlValue[] = [];
    while (this.index < this.lines.length) {
      const line = this.lines[this.index]!;
      if (line.indent < indent) break;
      if (line.indent > indent) throw new YamlSubsetError(`unexpected indentation: ${line.text}`, line.number);
      if (!isSequenceItem(line.text)) throw new YamlSubsetError(`a mapping entry inside a sequence`, line.number);
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        this.index++;
        sequence.push(this.parseNested(indent));
      } else if (!rest.startsWith('[') && !rest.startsWith("'") && !rest.startsWith('"') && keySeparator(rest) !== -1) {
        // `- key: value` opens a mapping whose keys line up with `key`.
        const column = indent + (line.text.length - rest.length);
        this.lines[this.index] = { number: line.number, indent: column, text: rest };
        sequence.push(this.parseMapping(column));
      } else if (isSequenceItem(rest)) {
        throw new YamlSubsetError('a sequence nested on one line', line.number);
      } else {
        this.index++;
        sequence.push(parseInline(rest, line.number));
      }
    }
    return sequence;
  }
}

/** Parses YAML in the subset described above; throws YamlSubsetError (with the line) on anything else. */
export function parseYamlSubset(text: string): YamlValue {
  return new Parser(toLines(text)).parseDocument();
}
