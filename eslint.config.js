// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.tmp/**',
      '**/.tsbuild/**',
      // Generated from schema/schema.graphql by graphql-codegen.
      'web/src/gql/**',
      'bench/results/**',
      'data/**',
      'eslint.config.js',
      '**/vitest.config.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Adapters implement an async interface with synchronous work (better-sqlite3, memory).
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // Packages talk through their entry (src/index.ts), never through each other's internals.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@werkbezoek/[^/]+/src(/|$)',
              message: "Import another package through its entry ('@werkbezoek/name'), not its src/ files.",
            },
            {
              regex: '^(\\.\\./)+(schema|services|projections|web)/',
              message: 'Import another package by its name, not by a relative path.',
            },
          ],
        },
      ],
    },
  },
  // Plain JavaScript entry points (a worker thread's loader bootstrap) sit outside the TypeScript projects.
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.test.ts', '**/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
);
