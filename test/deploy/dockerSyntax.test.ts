import { describe, expect, it } from 'vitest';
import { dockerContextKeeps, envPairs, execForm, parseDockerfile, splitFlags, stagesOf } from './dockerSyntax.js';

describe('parseDockerfile and stagesOf', () => {
  it('joins continuation lines, skips comments and splits the stages', () => {
    const instructions = parseDockerfile(
      [
        '# syntax=docker/dockerfile:1',
        'FROM node:24.1.0-bookworm-slim AS base',
        'RUN apt-get update \\',
        '    # a comment inside a continuation',
        '    && apt-get install -y make',
        'FROM base',
        'copy --from=base /app /app',
      ].join('\n'),
    );
    expect(instructions.map((i) => [i.keyword, i.args, i.line])).toEqual([
      ['FROM', 'node:24.1.0-bookworm-slim AS base', 2],
      ['RUN', 'apt-get update && apt-get install -y make', 3],
      ['FROM', 'base', 6],
      ['COPY', '--from=base /app /app', 7],
    ]);
    const stages = stagesOf(instructions);
    expect(stages.map((s) => [s.name, s.from, s.instructions.length])).toEqual([
      ['base', 'node:24.1.0-bookworm-slim', 1],
      ['1', 'base', 1],
    ]);
  });

  it('reads exec forms, flags and ENV pairs', () => {
    expect(execForm('["node", "-e", "x"]')).toEqual(['node', '-e', 'x']);
    expect(execForm('node -e x')).toBeUndefined();
    expect(splitFlags('--from=web --chown=node:node /a b')).toEqual({
      flags: { from: 'web', chown: 'node:node' },
      rest: ['/a', 'b'],
    });
    expect(envPairs('A=1 B="two words" C=')).toEqual({ A: '1', B: 'two words', C: '' });
    expect(envPairs('A one')).toEqual({ A: 'one' });
  });
});

describe('dockerContextKeeps', () => {
  const ignore = ['# comment', 'node_modules', '**/dist', '.env.*', '!.env.example', '**/*.test.ts', 'test'].join('\n');

  it.each([
    ['web/src/main.tsx', true],
    ['node_modules/x', false],
    ['web/dist/index.html', false],
    ['dist', false],
    ['.env.local', false],
    ['.env.example', true],
    ['services/api/src/a.test.ts', false],
    ['test/package.json', false],
    ['tests/x', true],
  ])('%s: kept %s', (path, kept) => {
    expect(dockerContextKeeps(ignore, path)).toBe(kept);
  });
});
