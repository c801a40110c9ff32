// Module resolve hook for dist:check's child process: `electron` resolves to the recording stub, everything else as usual.
const STUB = new URL('./electronStub.mjs', import.meta.url).href;
export async function resolve(specifier, context, next) {
  if (specifier === 'electron') return { url: STUB, shortCircuit: true };
  return next(specifier, context);
}
