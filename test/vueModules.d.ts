// Tests that import renderer modules (earlyCalls.test.ts imports boot.ts, which loads the sign-in form's chunk) are
// type-checked by the root tsconfig, which does not see renderer/env.d.ts: the same shape for a .vue module here.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
