// The database's own state: damaged or not, backups, restore, doctor figures.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Output } from '../../shared/api/contract';
import { api } from '../api/client';

export const useSystemStore = defineStore('system', () => {
  const status = ref<Output<'system.status'> | null>(null);
  const doctor = ref<Output<'system.doctor'> | null>(null);
  const backups = ref<Output<'system.backups'>>([]);

  async function loadStatus() {
    status.value = await api('system.status', {});
  }
  async function loadAll() {
    [status.value, doctor.value, backups.value] = await Promise.all([api('system.status', {}), api('system.doctor', {}), api('system.backups', {})]);
  }
  async function backup(toDir?: string) {
    const r = await api('system.backup', { toDir: toDir || undefined });
    await loadAll();
    return r.file;
  }
  async function restore(file: string) {
    const r = await api('system.restore', { file });
    await loadAll();
    return r;
  }

  /** Encryption at rest: each returns the recovery key to show once (decrypt returns nothing). */
  async function encrypt(passphrase?: string) {
    const r = await api('system.encrypt', { passphrase: passphrase || undefined });
    await loadAll();
    return r.recoveryKey;
  }
  async function rekey(passphrase?: string) {
    const r = await api('system.rekey', { passphrase: passphrase || undefined });
    await loadAll();
    return r.recoveryKey;
  }
  async function decrypt() {
    await api('system.decrypt', {});
    await loadAll();
  }

  async function restoreNewest() {
    return api('system.restoreNewest', {});
  }

  return { status, doctor, backups, loadStatus, loadAll, backup, restore, restoreNewest, encrypt, rekey, decrypt };
});
