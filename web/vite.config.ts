// Builds the single-page UI into dist/, which `tinykg serve` serves at `/`.
// Everything (Preact, cytoscape, the case-study queries) is bundled: the UI
// fetches nothing from outside the tinykg server at run time.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  // The case-study queries live in ../data/queries and are imported with ?raw.
  server: { fs: { allow: ['..'] } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // cytoscape is large and only the Graph page needs it: its own chunk,
    // loaded on demand, keeps the first page load small.
    chunkSizeWarningLimit: 700,
    // The bundler's plugin-timing hint is about its own speed, not our output.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
