// The main window's webPreferences, written out by hand on purpose: tests compare with toEqual against this, so a
// weakening added in security.ts or main.ts (experimentalFeatures, enableBlinkFeatures, a flipped flag) fails them.
export function expectedWindowPreferences(preload: unknown) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    v8CacheOptions: 'bypassHeatCheck',
  };
}
