/**
 * Builds the browser app from src/web into dist/web, which the server serves. Everything the app
 * needs is bundled: no fonts, icons or scripts from any other host.
 */
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { precompressPlugin } from './scripts/vite-precompress-plugin.ts';
import { serviceWorkerPlugin } from './scripts/vite-sw-plugin.ts';

export default defineConfig({
  root: 'src/web',
  publicDir: 'public',
  plugins: [preact(), serviceWorkerPlugin(), precompressPlugin()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    // Inline assets would need a looser CSP; keep every asset a file of our own.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', ws: true, changeOrigin: false },
    },
  },
});
