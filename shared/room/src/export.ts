/**
 * The room's results at the end of the day: every report received, oldest first — as JSON (the reports as
 * learners' checkouts sent them, with the learner's name and when the room received them) and as CSV, one row
 * per report (a test report's counts and first failing message; a bench report's one row per target). CSV cells
 * are quoted, and a cell that a spreadsheet would read as a formula (=, +, -, @ first) gets a leading quote.
 */
import type { Report } from './protocol.ts';

export interface ExportedReport {
  learner: string;
  receivedAt: string;
  report: Report;
}

export function exportJson(room: string, reports: readonly ExportedReport[]) {
  return { room, exportedAt: new Date().toISOString(), reports };
}

/** One CSV cell: quoted, quotes doubled, formula-looking text defused. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const CSV_HEADER = [
  'received_at',
  'learner',
  'lab',
  'kind',
  'at',
  'core_passed',
  'core_failed',
  'further_passed',
  'further_failed',
  'typecheck',
  'failing_message',
  'target',
  'state',
  'figure',
  'reference',
  'runtime',
  'machine',
] as const;

export function exportCsv(reports: readonly ExportedReport[]): string {
  const lines = [CSV_HEADER.join(',')];
  for (const { learner, receivedAt, report: r } of reports) {
    const machine = `${r.fingerprint.cpuModel} × ${r.fingerprint.cores}, ${r.fingerprint.os}, Node ${r.fingerprint.node.replace(/^v/, '')}`;
    const head = [receivedAt, learner, r.lab, r.kind, r.at];
    if (r.kind === 'test') {
      const cells = [...head, r.core.passed, r.core.failed, r.further.passed, r.further.failed, r.typecheck, r.failing[0] ?? '', '', '', '', '', '', machine];
      lines.push(cells.map(csvCell).join(','));
      continue;
    }
    const rows = r.verdicts.length ? r.verdicts : [null];
    for (const v of rows) {
      const cells = [...head, '', '', '', '', '', '', v?.target ?? '', v?.state ?? '', v?.figure ?? '', v?.reference ?? '', r.runtime, machine];
      lines.push(cells.map(csvCell).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
