/** The version commands of issue 15, registered in main.ts with one line: diff, close, reopen. */
import type { Io } from './io';
import { closeCommand, reopenCommand } from './close';
import { diffCommand } from './diff';

export const versionCommands: Record<string, (args: string[], io: Io) => Promise<number>> = {
  diff: diffCommand,
  close: closeCommand,
  reopen: reopenCommand,
};
