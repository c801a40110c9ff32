// `npm run dist` preflight: the packaging toolchain (electron 45's installer, @electron/get, @electron/rebuild,
// node-abi) declares Node >= 22.12, while the app, the tests and `npm run dist:check` run on Node 20.19+ (engines).
// Say so in one line instead of failing somewhere inside a rebuild.
'use strict';
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`npm run dist needs Node 22.12 or newer for electron-builder's Electron download and native rebuild (this is Node ${process.versions.node}). The app, npm test and npm run dist:check work on Node 20.19+.`);
  process.exit(1);
}
