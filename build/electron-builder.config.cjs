// electron-builder 26 configuration (`npm run dist`). CommonJS because electron-builder require()s it.
//
// Native module: better-sqlite3 must be compiled for Electron's ABI, not Node's. npmRebuild is off so packaging never
// rebuilds behind our back; the packaging script runs `electron-builder install-app-deps` first (add
// `--platform win32 --arch x64` when building the Windows installer on another OS), and `npm rebuild better-sqlite3`
// afterwards so the Node-based tests, CLI and browser mode work again. The afterPack hook (build/native/afterPack.cjs)
// refuses to finish a package whose .node files are not for the target's OS, CPU and Electron ABI.
//
// Publisher and signing: the county that distributes the installer signs it with its own code-signing certificate
// (README "Packaging"). STAFFBOOK_PUBLISHER must then equal the certificate's subject CN; it is shown as the
// publisher in Windows' Apps list and checked by the installer's updater. Unset, the build is unsigned.
const PUBLISHER = process.env.STAFFBOOK_PUBLISHER || '人力簿 Staffbook';

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'tw.gov.staffbook',
  productName: 'Staffbook',
  copyright: '人力簿 Staffbook',
  directories: { output: 'release', buildResources: 'build' },
  // Production dependencies from package.json are added from node_modules automatically; dev dependencies never are.
  // better-sqlite3's C sources, object files and its test extension are build leftovers, not runtime files.
  files: [
    'dist/electron/**',
    'dist/renderer/**',
    'package.json',
    '!**/*.map',
    '!node_modules/better-sqlite3/{deps,src,build/deps,build/Release/obj,build/Release/obj.target,build/Release/.deps}/**',
    '!node_modules/better-sqlite3/build/Release/test_extension.node',
  ],
  // The packaged app must start the ESM bundle whatever the checked-out package.json says; `author` is the publisher
  // Windows shows for the installed app.
  extraMetadata: { main: 'dist/electron/main.mjs', author: { name: PUBLISHER } },
  asar: true,
  // A .node binary cannot be dlopen()ed from inside an asar archive.
  asarUnpack: ['**/*.node'],
  npmRebuild: false,
  afterPack: require('./native/afterPack.cjs'),
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
  icon: 'build/icon.png',
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icon.ico',
    // Signing runs only when a certificate is supplied (CSC_LINK + CSC_KEY_PASSWORD, or a certificate in the Windows
    // store named by WIN_CSC_SUBJECT); SHA-256 with an RFC 3161 timestamp so the signature outlives the certificate.
    signtoolOptions: {
      publisherName: [PUBLISHER],
      signingHashAlgorithms: ['sha256'],
      ...(process.env.WIN_CSC_SUBJECT ? { certificateSubjectName: process.env.WIN_CSC_SUBJECT } : {}),
      ...(process.env.WIN_TIMESTAMP_URL ? { rfc3161TimeStampServer: process.env.WIN_TIMESTAMP_URL } : {}),
    },
  },
  nsis: {
    // Per-user and one-click: no "for me / for all users" page, so a clerk without admin rights never meets UAC;
    // installs to %LOCALAPPDATA%\Programs\Staffbook.
    oneClick: true,
    perMachine: false,
    allowElevation: false,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    installerIcon: 'build/icon.ico',
    uninstallerIcon: 'build/icon.ico',
    installerLanguages: ['zh_TW'],
    language: '1028',
    shortcutName: '人力簿 Staffbook',
    deleteAppDataOnUninstall: false, // the roster database lives in %LOCALAPPDATA%\Staffbook; uninstalling must not erase it
  },
  linux: {
    target: [{ target: 'AppImage', arch: ['x64'] }],
    category: 'Office',
  },
};
