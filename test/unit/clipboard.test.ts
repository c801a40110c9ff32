// renderer/clipboard.ts: the copy buttons use the Clipboard API, fall back to execCommand('copy'), and say so when
// both fail — never silently doing nothing (issue: the app's permission handler used to refuse the Clipboard API).
import { describe, expect, it, vi } from 'vitest';
import { copyText, COPY_FAILED, type ClipboardHost } from '../../renderer/clipboard';

function fakeHost(opts: { api?: 'ok' | 'denied' | 'missing'; execCommand: boolean }) {
  const copied: string[] = [];
  const area = { value: '', style: {} as Record<string, string>, setAttribute: vi.fn(), select: vi.fn(), remove: vi.fn() };
  const host = {
    clipboard:
      opts.api === 'missing'
        ? undefined
        : { writeText: async (t: string) => (opts.api === 'ok' ? void copied.push(t) : Promise.reject(new DOMException('denied', 'NotAllowedError'))) },
    document: {
      createElement: () => area,
      body: { appendChild: vi.fn() },
      execCommand: (cmd: string) => {
        if (cmd === 'copy' && opts.execCommand) copied.push(area.value);
        return opts.execCommand;
      },
    },
  } as unknown as ClipboardHost;
  return { host, copied, area };
}

describe('copyText', () => {
  it('uses the Clipboard API when the permission is granted', async () => {
    const { host, copied, area } = fakeHost({ api: 'ok', execCommand: false });
    await copyText('人力運用情形', host);
    expect(copied).toEqual(['人力運用情形']);
    expect(area.select).not.toHaveBeenCalled();
  });

  it.each(['denied', 'missing'] as const)('falls back to a selected textarea when the API is %s', async (api) => {
    const { host, copied, area } = fakeHost({ api, execCommand: true });
    await copyText('報告文字', host);
    expect(copied).toEqual(['報告文字']);
    expect(area.remove).toHaveBeenCalled();
  });

  it('rejects with a Chinese message when nothing can copy, and leaves no textarea behind', async () => {
    const { host, area } = fakeHost({ api: 'denied', execCommand: false });
    await expect(copyText('x', host)).rejects.toThrow(COPY_FAILED);
    expect(area.remove).toHaveBeenCalled();
  });
});
