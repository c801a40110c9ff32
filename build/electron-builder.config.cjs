// electron-builder 26 configuration (`npm run dist`). CommonJS because electron-builder require()s it.
//
// Native module: better-sqlite3 must be compiled for Electron's ABI, not Node's. npmRebuild is off so packaging never
// rebuilds behind our back; the packaging script runs `electron-builder install-app-deps` first (add
// `--platform win32 --arch x64` when building the Windows installer on another OS), and `npm rebuild better-sqlite3`
// afterwards so the Node-based tests, CLI and browser mode work again.
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'tw.gov.staffbook',
  productName: 'Staffbook',
  copyright: '人力簿 Staffbook',
  directories: { output: 'release', buildResources: 'build' },
  // Production dependencies from package.json are added from node_modules automatically; dev dependencies never are.
  files: ['dist/electron/**', 'dist/renderer/**', 'package.json', '!**/*.map'],
  // The packaged app must start the ESM bundle whatever the checked-out package.json says.
  extraMetadata: { main: 'dist/electron/main.mjs' },
  asar: true,
  // A .node binary cannot be dlopen()ed from inside an asar archive.
  asarUnpack: ['**/*.node'],
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,
  electronFuses: {
    runAsNode: false, // ELECTRON_RUN_AS_NODE would turn the signed binary into a general-purpose Node
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    onlyLoadAppFromAsar: true,
    enableEmbeddedAsarIntegrityValidation: true, // Windows and macOS; no effect on Linux
    enableCookieEncryption: true,
    grantFileProtocolExtraPrivileges: false, // the renderer is served over app://, never file://
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
  },
  nsis: {
    oneClick: false,
    perMachine: false, // clerks usually lack admin rights
    allowToChangeInstallationDirectory: true,
    installerLanguages: ['zh_TW'],
    language: '1028',
    shortcutName: '人力簿 Staffbook',
    deleteAppDataOnUninstall: false, // the roster database lives in userData; uninstalling must not erase it
  },
  linux: {
    target: [{ target: 'AppImage', arch: ['x64'] }],
    category: 'Office',
  },
};
