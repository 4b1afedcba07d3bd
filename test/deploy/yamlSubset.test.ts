import { describe, expect, it } from 'vitest';
import { parseYamlSubset, YamlSubsetError } from './yamlSubset.js';

describe('parseYamlSubset', () => {
  it('reads nested mappings, sequences, flow sequences and every kind of scalar', () => {
    const text = [
      '# a comment',
      'name: werkbezoek',
      'services:',
      '  api:',
      "    image: 'werkbezoek:local' # a trailing comment",
      '    environment:',
      '      URL: esdb://eventstore:2113?tls=false',
      "      DEMO_DATA: 'off'",
      '      QUOTED: "a # not a comment: {x}"',
      "      IT: 'it''s'",
      '    deploy:',
      '      replicas: 2',
      '      ratio: 0.5',
      '    init: true',
      '    nothing: ~',
      '    ports: [\'4000:4000\', "5432"]',
      '    empty: []',
      '    test:',
      '      - CMD',
      '      - -e',
      '      - "fetch(\'x\', { signal: 1 })"',
      '    mounts:',
      '      - type: volume',
      '        source: data',
      '      - plain',
      'volumes:',
      '  data:',
    ].join('\n');
    expect(parseYamlSubset(text)).toEqual({
      name: 'werkbezoek',
      services: {
        api: {
          image: 'werkbezoek:local',
          environment: {
            URL: 'esdb://eventstore:2113?tls=false',
            DEMO_DATA: 'off',
            QUOTED: 'a # not a comment: {x}',
            IT: "it's",
          },
          deploy: { replicas: 2, ratio: 0.5 },
          init: true,
          nothing: null,
          ports: ['4000:4000', '5432'],
          empty: [],
          test: ['CMD', '-e', "fetch('x', { signal: 1 })"],
          mounts: [{ type: 'volume', source: 'data' }, 'plain'],
        },
      },
      volumes: { data: null },
    });
  });

  it.each([
    ['an anchor', 'a: &x 1'],
    ['an alias', 'a: *x'],
    ['a merge key', 'a:\n  <<: 1'],
    ['a tag', 'a: !!str 1'],
    ['a block scalar', 'a: |\n  text'],
    ['a flow mapping', 'a: { b: 1 }'],
    ['a flow sequence over several lines', 'a: [1,\n  2]'],
    ['a duplicate key', 'a: 1\na: 2'],
    ['a tab in the indentation', 'a:\n\tb: 1'],
    ['an unquoted YAML 1.1 boolean', 'DEMO_DATA: on'],
    ['a second document', 'a: 1\n---\nb: 2'],
    ['a sequence at its key’s indentation', 'a:\n- 1'],
    ['a line that is no key: value', 'a: 1\njust text'],
    ['an unterminated quote', "a: 'open"],
    ['stray indentation', 'a: 1\n    b: 2'],
  ])('refuses %s with its line number', (_what, text) => {
    expect(() => parseYamlSubset(text)).toThrow(YamlSubsetError);
    expect(() => parseYamlSubset(text)).toThrow(/^line \d+: /);
  });
});
