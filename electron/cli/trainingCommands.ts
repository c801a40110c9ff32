// training, volunteers, interns commands. Filled in by that work.
import type { Command } from 'commander';

export function registerTrainingCommands(_program: Command): void {}
