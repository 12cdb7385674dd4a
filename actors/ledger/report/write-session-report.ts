import { writeFileSync } from 'node:fs';
import type { SessionSummary } from '../../../supervisors/paper-session-summary.js';
import { InputError } from '../../runtime/errors.js';
import { openJournal, type JournalLocation } from '../storage/open-journal.js';
import { readSessionReportData } from './session-report-data.js';
import { renderSessionReport } from './session-report.js';

/** Reads the session's equity samples and reallocations back from its journal (default the SQLite file summary.db) and writes the HTML report to `file`. */
export function writeSessionReport(file: string, summary: SessionSummary, journal: JournalLocation = { driver: 'sqlite', dbFile: summary.db }): void {
  const store = openJournal(journal);
  let html: string;
  try {
    html = renderSessionReport({ summary, data: readSessionReportData(store, summary.session) });
  } finally {
    store.close();
  }
  try {
    writeFileSync(file, html);
  } catch (error) {
    throw new InputError(`report ${file}: could not be written (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}
