/// <reference types="vite/client" />
/// <reference path="../build/accessLevels.d.ts" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
declare module 'element-plus/es/locale/lang/zh-tw' {
  import type { Language } from 'element-plus/es/locale';
  const lang: Language;
  export default lang;
}
