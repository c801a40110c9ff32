// Copying text for the clerk to paste elsewhere (the ministry's online system, a report). The Clipboard API first —
// the app grants its own page 'clipboard-sanitized-write' — then the selected-textarea + execCommand('copy')
// fallback (older Chromium, a denied permission, a non-secure browser-mode origin); if both fail the caller shows
// COPY_FAILED so the clerk knows to select and copy by hand. Never fails silently.
export const COPY_FAILED = '無法存取剪貼簿，請手動選取文字複製';

export interface ClipboardHost {
  clipboard?: { writeText(text: string): Promise<void> };
  document: Pick<Document, 'createElement' | 'body' | 'execCommand'>;
}

const browserHost = (): ClipboardHost => ({ clipboard: navigator.clipboard, document });

export async function copyText(text: string, host: ClipboardHost = browserHost()): Promise<void> {
  try {
    if (!host.clipboard) throw new Error('no Clipboard API');
    await host.clipboard.writeText(text);
    return;
  } catch {
    const area = host.document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    host.document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = host.document.execCommand('copy');
    } finally {
      area.remove();
    }
    if (!ok) throw new Error(COPY_FAILED);
  }
}
