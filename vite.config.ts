import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app (src/web) builds to dist/web, which the server serves. In development, `npm run dev`
 * runs Vite on :5173 and proxies the API to the server on :3000.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // No inline scripts or styles: the CSP forbids them.
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
    },
  },
});
