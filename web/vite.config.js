import { defineConfig } from 'vite';

// The page is served by `echotrace serve` from web/dist; during `npm run dev` the API is
// proxied to a server started on 127.0.0.1:8080.
export default defineConfig({
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
