/// <reference lib="dom" />
// The built page's Content-Security-Policy blocks an injected inline script (issue: trust) — the same page and
// policy the Electron window loads, here served by browser mode to Debian's Chromium.
import { describe, expect, it } from 'vitest';
import { appForSuite, e2eAvailable } from './harness';

describe.runIf(e2eAvailable())('content security policy (browser mode, Chromium)', () => {
  const app = appForSuite();

  it('an injected inline script does not run, and the browser reports the violation', async () => {
    const result = await app.page.evaluate(
      () =>
        new Promise<{ ran: boolean; violated: string | null }>((resolve) => {
          let violated: string | null = null;
          document.addEventListener('securitypolicyviolation', (e) => (violated = e.violatedDirective));
          const s = document.createElement('script');
          s.textContent = 'window.__injected = true';
          document.body.appendChild(s);
          const img = document.createElement('img');
          img.setAttribute('src', 'x');
          img.setAttribute('onerror', 'window.__injected = true');
          document.body.appendChild(img);
          setTimeout(() => resolve({ ran: (window as unknown as { __injected?: boolean }).__injected === true, violated }), 300);
        }),
    );
    expect(result.ran).toBe(false);
    expect(result.violated).toMatch(/script-src/);
  });

  it('the page cannot call an outside origin', async () => {
    const blocked = await app.page.evaluate(async () => {
      try {
        await fetch('http://127.0.0.2:9/');
        return false;
      } catch {
        return true;
      }
    });
    expect(blocked).toBe(true);
  });
});
