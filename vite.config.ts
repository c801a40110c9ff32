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
  plugins: [vue(), elementStyles({ config: fileURLToPath(new URL('./renderer/elementConfig.ts', import.meta.url)) }), bootEntry('renderer'), accessLevelsModule()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: { output: { codeSplitting: { groups: [initialChunk('renderer')] } } },
  },
});
