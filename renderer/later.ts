// What a screen needs only when something goes wrong — a failed load's notice, the damaged-file banner, the idle
// warning, an error message — in chunks of their own: they carry Element Plus's alert, result, message and message box,
// none of which the first screen draws. preloadLater() fetches them once the first screen is up and the page is quiet,
// so they are there even if the back end goes away afterwards.
import { defineAsyncComponent } from 'vue';

const loaders = {
  loadFailure: () => import('./components/LoadFailure.vue'),
  damagedAlert: () => import('./components/DamagedAlert.vue'),
  idleWarning: () => import('./components/IdleWarning.vue'),
  message: () => import('./message'),
};

export const LoadFailure = defineAsyncComponent(loaders.loadFailure);
export const DamagedAlert = defineAsyncComponent(loaders.damagedAlert);
export const IdleWarning = defineAsyncComponent(loaders.idleWarning);

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
  setTimeout(() => requestIdleCallback(fetchAll), QUIET_MS);
}
