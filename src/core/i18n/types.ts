import type { MessageParams, RuleId, Severity } from '../findings';

export interface Messages {
  rules: Record<RuleId, (p: MessageParams) => string>;
  severity: Record<Severity, string>;
  severityPlural: Record<Severity, string>;
  cli: {
    usage: string;
    summary: (errors: number, warnings: number, infos: number) => string;
    written: (file: string, example: boolean) => string;
    badArgs: (detail: string) => string;
    badDate: (s: string) => string;
    unknownCommand: (s: string) => string;
    fileMissing: (f: string) => string;
    notXlsx: (f: string) => string;
    corrupt: (f: string, detail: string) => string;
    tooLarge: (f: string, detail: string) => string;
    cannotWrite: (f: string, detail: string) => string;
  };
}
