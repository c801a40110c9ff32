import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { accessLevelsModule } from './build/accessLevelsModule';
import { bootEntry, initialChunk } from './build/bootEntry';
import { elementStyles } from './build/elementStyles';

// The renderer is a static bundle: Electron loads it through its own protocol, browser mode serves it on loopback.
export default defineConfig({
  root: 'renderer',
  base: './',
  // every component here, Element Plus's and vue-router's included, is written with setup(): Vue's Options API
  // (data, methods, computed options and their lifecycle) is dead weight in the first chunk the page must evaluate
  define: { __VUE_OPTIONS_API__: 'false' },
  plugins: [vue(), elementStyles({ config: fileURLToPath(new URL('./renderer/elementConfig.ts', import.meta.url)) }), bootEntry('renderer'), accessLevelsModule()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: { output: { codeSplitting: { groups: [initialChunk('renderer')] } } },
  },
});
