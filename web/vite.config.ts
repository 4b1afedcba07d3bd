import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { inlineDocuments } from './build/inlineDocuments.ts';
import { precompileMessages } from './build/precompileMessages.ts';

// `pnpm dev:web` proxies the API of a running `pnpm start`.
const api = process.env.WERKBEZOEK_API ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react(), precompileMessages(), inlineDocuments(fileURLToPath(new URL('./src/gql', import.meta.url)))],
  build: {
    manifest: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/graphql': api, '/auth': api, '/healthz': api },
  },
});
