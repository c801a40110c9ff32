// The page's first module, separate from the app's (see vite.config.ts): it is small, so it runs while the app's code is
// still loading, and starts what the app will ask first. auth.status always (public); the opened page's own calls
// only where no sign-in is needed — a signed-out page never fetches data (the back end refuses it anyway), and after
// a sign-in the auth store starts them with the session. Where a sign-in is needed, the sign-in form's chunk (with the
// Element Plus form, input and button the start-up code no longer carries) starts loading now, not once the app has
// been built and asked again.
import { startEarly } from './api/early';
import { firstCallsFor } from './api/firstCalls';

void startEarly('auth.status', {}).then((status) => {
  if (!status?.ok) return;
  if ((status.data as { authRequired?: boolean }).authRequired === false) {
    for (const [method, input] of firstCallsFor(location.hash)) void startEarly(method, input);
  } else void import('./pages/SignInView.vue').catch(() => undefined); // the sign-in and the first-account forms
});
