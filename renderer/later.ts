// What a screen needs only when something goes wrong — a failed load's notice, the damaged-file banner, the idle
// warning, an error message — in chunks of their own: they carry Element Plus's alert, result, message and message box,
// none of which the first screen draws. preloadLater() fetches them once the first screen is up and the page is quiet,
// so they are there even if the back end goes away afterwards.
import { defineAsyncComponent, h, type Component } from 'vue';

const loaders = {
  loadFailure: () => import('./components/LoadFailure.vue'),
  damagedAlert: () => import('./components/DamagedAlert.vue'),
  idleWarning: () => import('./components/IdleWarning.vue'),
  message: () => import('./message'),
};

// A chunk that would not load is tried again a few times (Vue keeps a failed load for good otherwise); a failed load's
// notice that still cannot be had says so in plain text, with the way out.
const retrying = (loader: () => Promise<Component | { default: Component }>, errorComponent?: Component) =>
  defineAsyncComponent({
    loader,
    errorComponent,
    onError: (_e, retry, fail, attempts) => (attempts < 3 ? setTimeout(retry, 500 * attempts) : fail()),
  });
const LoadFailureText = () => h('div', { class: 'load-error load-error--plain', role: 'alert', 'data-test': 'load-error' }, '無法載入；請檢查連線後重新整理頁面（F5）');

export const LoadFailure = retrying(loaders.loadFailure, LoadFailureText);
export const DamagedAlert = retrying(loaders.damagedAlert);
export const IdleWarning = retrying(loaders.idleWarning);

/** An error message on screen (ElMessage); the browser's own alert if even its chunk cannot be had. */
export function showError(text: string): void {
  loaders.message().then(
    (m) => m.ElMessage.error(text),
    () => window.alert(text),
  );
}

const QUIET_MS = 2000;

/** After the first screen: fetch the chunks above when the page has been quiet a while (not while it draws its data). */
export function preloadLater(): void {
  const fetchAll = () => {
    for (const load of Object.values(loaders)) void load().catch(() => undefined);
  };
  // not every browser has requestIdleCallback (browser mode opens in whichever one the clerk uses)
  setTimeout(() => (window.requestIdleCallback ?? ((fn: () => void) => setTimeout(fn, 1)))(fetchAll), QUIET_MS);
}
