import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as sec from '../../electron/shell/security';
import { expectedWindowPreferences } from './expectedWebPreferences';

describe('secureWebPreferences', () => {
  // toEqual, not toMatchObject: an added experimentalFeatures, enableBlinkFeatures or a flipped flag fails here.
  it('is exactly the isolated, sandboxed set with the given preload', () => {
    expect(sec.secureWebPreferences('/app/preload.cjs')).toEqual(expectedWindowPreferences('/app/preload.cjs'));
  });
});

describe('navigation and new windows', () => {
  it('keeps in-app navigation and blocks every other origin', () => {
    expect(sec.shouldBlockNavigation('app://staffbook/index.html#/people')).toBe(false);
    expect(sec.shouldBlockNavigation('https://evil.example/')).toBe(true);
    expect(sec.shouldBlockNavigation('http://127.0.0.1:5173/')).toBe(true);
    expect(sec.shouldBlockNavigation('file:///etc/passwd')).toBe(true);
    expect(sec.shouldBlockNavigation('app://other/index.html')).toBe(true);
    expect(sec.shouldBlockNavigation('app://user@staffbook/index.html')).toBe(true);
    expect(sec.shouldBlockNavigation('not a url')).toBe(true);
  });

  it('never opens an Electron window; only allow-listed https goes to the OS browser', () => {
    expect(sec.decideWindowOpen('https://www.mohw.gov.tw/mp-1.html')).toEqual({ action: 'deny', openExternally: true });
    expect(sec.decideWindowOpen('http://www.mohw.gov.tw/')).toEqual({ action: 'deny', openExternally: false });
    expect(sec.decideWindowOpen('https://www.mohw.gov.tw.evil.example/')).toEqual({ action: 'deny', openExternally: false });
    expect(sec.decideWindowOpen('app://staffbook/index.html')).toEqual({ action: 'deny', openExternally: false });
    expect(sec.decideWindowOpen('javascript:alert(1)')).toEqual({ action: 'deny', openExternally: false });
  });
});

describe('permissions', () => {
  const page = 'app://staffbook/index.html#/exports';
  it('grants only clipboard-sanitized-write, and only to the app:// page (requests)', () => {
    const asked = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      sec.permissionRequestHandler({}, permission, callback, { requestingUrl });
      return callback.mock.calls[0][0];
    };
    expect(asked('clipboard-sanitized-write', page)).toBe(true);
    expect(asked('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(asked('clipboard-sanitized-write', 'app://other/index.html')).toBe(false);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial']) {
      expect(asked(permission, page)).toBe(false);
    }
    const noDetails = vi.fn();
    sec.permissionRequestHandler({}, 'clipboard-sanitized-write', noDetails);
    expect(noDetails).toHaveBeenCalledWith(false);
  });

  it('answers permission checks by the same rule, from the requesting origin', () => {
    expect(sec.permissionCheckHandler({}, 'clipboard-sanitized-write', 'app://staffbook')).toBe(true);
    expect(sec.permissionCheckHandler({}, 'clipboard-sanitized-write', 'app://staffbook', { requestingUrl: page })).toBe(true);
    expect(sec.permissionCheckHandler({}, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
    expect(sec.permissionCheckHandler({}, 'clipboard-read', 'app://staffbook')).toBe(false);
    expect(sec.permissionCheckHandler({}, 'media', 'app://staffbook')).toBe(false);
    expect(sec.GRANTED_PERMISSIONS).toEqual(['clipboard-sanitized-write']);
  });
});

describe('CSP', () => {
  it("renderer/index.html's meta tag is exactly the policy sent as a header", () => {
    const html = fs.readFileSync(path.join(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(sec.CONTENT_SECURITY_POLICY);
  });
});

describe('IPC sender check', () => {
  it('accepts only our app:// page', () => {
    expect(sec.isTrustedSender('app://staffbook/index.html')).toBe(true);
    expect(sec.isTrustedSender('app://staffbook/')).toBe(true);
    expect(sec.isTrustedSender('http://evil.example/')).toBe(false);
    expect(sec.isTrustedSender('http://evil/app://staffbook/')).toBe(false);
    expect(sec.isTrustedSender('file:///home/user/index.html')).toBe(false);
    expect(sec.isTrustedSender('')).toBe(false);
    expect(sec.isTrustedSender(null)).toBe(false);
    expect(sec.isTrustedSender(undefined)).toBe(false);
  });

  it('the IPC handler forwards trusted calls and refuses others before dispatch', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, data: [] }));
    const handle = sec.createIpcCallHandler(dispatch);
    await expect(handle({ senderFrame: { url: 'app://staffbook/index.html' } }, 'roles.list', {}, 'tok')).resolves.toEqual({ ok: true, data: [] });
    expect(dispatch).toHaveBeenCalledWith('roles.list', {}, { session: 'tok' });
    dispatch.mockClear();
    for (const senderFrame of [{ url: 'http://evil.example/' }, { url: 'file:///tmp/x.html' }, null]) {
      const result = await handle({ senderFrame }, 'roles.list', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });
});

describe('app:// asset resolution', () => {
  const root = path.resolve('/srv/renderer');
  it('maps paths under the renderer dir and defaults to index.html', () => {
    expect(sec.resolveAssetPath(root, 'app://staffbook/')).toBe(path.join(root, 'index.html'));
    expect(sec.resolveAssetPath(root, 'app://staffbook/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
  });
  it('never resolves outside the renderer dir', () => {
    const hostile = [
      'app://staffbook/../../secret',
      'app://staffbook/%2e%2e/%2e%2e/etc/passwd',
      'app://staffbook/..%2f..%2fetc%2fpasswd',
      'app://staffbook/..%5c..%5csecret',
      'app://staffbook/assets/..%2f..%2f..%2fsecret',
    ];
    for (const url of hostile) {
      const file = sec.resolveAssetPath(root, url);
      if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
    }
    // Encoded separators survive URL parsing, so the decoded path must be caught by the root check.
    expect(sec.resolveAssetPath(root, 'app://staffbook/..%2f..%2fetc%2fpasswd')).toBeNull();
  });
  it('refuses other hosts, NUL bytes and malformed escapes', () => {
    expect(sec.resolveAssetPath(root, 'app://staffbook/a%00.js')).toBeNull();
    expect(sec.resolveAssetPath(root, 'app://staffbook/%E0%A4%A')).toBeNull();
    expect(sec.resolveAssetPath(root, 'app://other/index.html')).toBeNull();
    expect(sec.resolveAssetPath(root, 'file:///srv/renderer/index.html')).toBeNull();
  });
  it('serves known types with their MIME type and the CSP forbids foreign sources', () => {
    expect(sec.mimeType('a/index.html')).toBe('text/html; charset=utf-8');
    expect(sec.mimeType('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(sec.mimeType('a/x.woff2')).toBe('font/woff2');
    expect(sec.mimeType('a/x.bin')).toBe('application/octet-stream');
    expect(sec.CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(sec.CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(sec.CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });
});
