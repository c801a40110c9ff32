// The page's first module, separate from the app's (see vite.config.ts): it is small, so it runs while the app's code is
// still loading, and starts what the app will ask first. The sign-in status first: browser mode writes it into the page
// (no round trip), elsewhere it is asked for (auth.status is public). Then the opened page's own calls only where no
// sign-in is needed — a signed-out page never fetches data (the back end refuses it anyway), and after a sign-in the
// auth store starts them with the session. Where a sign-in is needed, the sign-in form's chunk starts loading now, not
// once the app has been built and has asked again.
import { seedEarly, startEarly } from './api/early';
import { firstCallsFor } from './api/firstCalls';

/** An answer the page was served with (browser mode's `<meta name="staffbook-status">` and `staffbook-system`), or null:
 * absent, or not JSON. */
function servedAnswer(name: string): unknown {
  const content = document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
  try {
    return content ? JSON.parse(content) : null;
  } catch {
    return null;
  }
}

// the database's own status (is the file damaged?), which every screen asks for: taken from the page where it came with it
const system = servedAnswer('staffbook-system');
if (system) void seedEarly('system.status', {}, system);
const served = servedAnswer('staffbook-status');
void (served ? seedEarly('auth.status', {}, served) : startEarly('auth.status', {})).then((status) => {
  if (!status?.ok) return;
  if ((status.data as { authRequired?: boolean }).authRequired === false) {
    for (const [method, input] of firstCallsFor(location.hash)) void startEarly(method, input);
  } else void import('./pages/SignInView.vue').catch(() => undefined); // the sign-in and the first-account forms
});
