import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // type-graphql and Apollo must share Node's own graphql build (see STACK.md).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
