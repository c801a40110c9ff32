// `node --import ./registerStub.mjs probe.mjs …`: installs stubHooks.mjs before the packed app is imported.
import { register } from 'node:module';
register('./stubHooks.mjs', import.meta.url);
