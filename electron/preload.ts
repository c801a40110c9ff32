// The renderer's only bridge: one function, one channel. Sandboxed preloads cannot be ESM, so this is bundled to
// dist/electron/preload.cjs. Main checks the calling frame's origin before anything reaches the dispatcher.
import { contextBridge, ipcRenderer } from 'electron';

contextBridge.exposeInMainWorld('staffbook', {
  call: (method: string, input: unknown, session?: string) => ipcRenderer.invoke('staffbook:call', method, input, session),
});
