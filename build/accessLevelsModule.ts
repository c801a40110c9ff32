// `virtual:access-levels`: each contract method's access level, computed from the contract when the renderer is built.
// The renderer needs only these words to show or hide what a role may do (auth.can); importing the contract itself
// would put zod and every schema into the code a cold start must load and evaluate before the first screen.
import type { Plugin } from 'vite';
import { accessOf, contract, type Method } from '../shared/api/contract';

export const ACCESS_LEVELS_ID = 'virtual:access-levels';

export function accessLevelsTable(): Record<string, string> {
  return Object.fromEntries(Object.keys(contract).map((m) => [m, accessOf(m as Method)]));
}

export function accessLevelsModule(): Plugin {
  const resolved = `\0${ACCESS_LEVELS_ID}`;
  return {
    name: 'staffbook-access-levels',
    resolveId: (id) => (id === ACCESS_LEVELS_ID ? resolved : undefined),
    load: (id) => (id === resolved ? `export default ${JSON.stringify(accessLevelsTable())};` : undefined),
  };
}
