export interface BenchGroup {
  key: string;
  value: unknown;
  rows: [string, string, string][];
}
