// export commands. Filled in by that work.
import type { Command } from 'commander';

export function registerExportCommands(_program: Command): void {}
