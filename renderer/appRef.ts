// The app, for a module that must configure it without being imported by main.ts (elementConfig.ts, loaded with the
// first Element Plus component): it runs its setup as soon as the app exists, or at once when it already does.
import type { App } from 'vue';

let current: App | null = null;
const waiting: ((app: App) => void)[] = [];

export function setApp(app: App): void {
  current = app;
  for (const fn of waiting.splice(0)) fn(app);
}

export function whenApp(fn: (app: App) => void): void {
  if (current) fn(current);
  else waiting.push(fn);
}
