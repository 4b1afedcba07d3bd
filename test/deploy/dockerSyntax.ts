/**
 * Just enough of a Dockerfile and a .dockerignore to check ours statically:
 * instructions with their continuation lines joined, stages, exec-form
 * arguments, and whether the build context keeps a path.
 */

export interface Instruction {
  readonly keyword: string;
  /** The arguments as written (continuations joined with a space). */
  readonly args: string;
  readonly line: number;
}

export interface Stage {
  /** The `AS` name, or the stage's index as a string. */
  readonly name: string;
  /** The image or earlier stage it starts from. */
  readonly from: string;
  readonly instructions: readonly Instruction[];
}

export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let pending: { keyword: string; parts: string[]; line: number } | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    // Comments (parser directives such as `# syntax=` included) and blank lines, also inside a continuation.
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const continues = trimmed.endsWith('\\');
    const body = continues ? trimmed.slice(0, -1).trim() : trimmed;
    if (pending) pending.parts.push(body);
    else {
      const match = /^(\S+)\s*(.*)$/.exec(body)!;
      pending = { keyword: match[1]!.toUpperCase(), parts: [match[2]!], line: i + 1 };
    }
    if (!continues) {
      instructions.push({ keyword: pending.keyword, args: pending.parts.join(' ').trim(), line: pending.line });
      pending = undefined;
    }
  });
  if (pending) throw new Error(`Dockerfile line ${pending.line}: a continuation runs past the end of the file`);
  return instructions;
}

export function stagesOf(instructions: readonly Instruction[]): Stage[] {
  const stages: { name: string; from: string; instructions: Instruction[] }[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((w) => !w.startsWith('--'));
      const as = words.findIndex((w) => w.toUpperCase() === 'AS');
      stages.push({
        name: as === -1 ? String(stages.length) : words[as + 1]!,
        from: words[0]!,
        instructions: [],
      });
    } else {
      const stage = stages.at(-1);
      if (!stage) throw new Error(`Dockerfile line ${instruction.line}: ${instruction.keyword} before any FROM`);
      stage.instructions.push(instruction);
    }
  }
  return stages;
}

/** The words of an exec-form (JSON array) instruction such as CMD or HEALTHCHECK's CMD; undefined for shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((w) => typeof w === 'string')) return undefined;
  return parsed;
}

/** `--name=value` flags at the start of an instruction's arguments, and the rest. */
export function splitFlags(args: string): { flags: Record<string, string>; rest: string[] } {
  const words = args.split(/\s+/).filter(Boolean);
  const flags: Record<string, string> = {};
  while (words[0]?.startsWith('--')) {
    const [name, ...value] = words.shift()!.slice(2).split('=');
    flags[name!] = value.join('=');
  }
  return { flags, rest: words };
}

/** KEY=value pairs of an ENV instruction (the `ENV KEY value` form too). */
export function envPairs(args: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  if (!args.includes('=')) {
    const [key, ...value] = args.split(/\s+/);
    pairs[key!] = value.join(' ');
    return pairs;
  }
  for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    const value = match[2]!;
    pairs[match[1]!] = value.startsWith('"') ? (JSON.parse(value) as string) : value;
  }
  return pairs;
}

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      // `**/` matches any number of directories, none included.
      source += pattern[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += pattern[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * Whether the build context keeps a path (relative to the context, `/`-separated)
 * under a .dockerignore: the last pattern that matches the path or one of its
 * parent directories decides, `!` patterns keep.
 */
export function dockerContextKeeps(dockerignore: string, path: string): boolean {
  const rules = dockerignore
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const keep = l.startsWith('!');
      const pattern = (keep ? l.slice(1) : l).replace(/^\/+/, '').replace(/\/+$/, '');
      return { keep, regexp: globToRegExp(pattern) };
    });
  const parts = path.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let kept = true;
  for (const rule of rules) if (candidates.some((c) => rule.regexp.test(c))) kept = rule.keep;
  return kept;
}
