import { parse as parseCsv } from 'csv-parse/sync';
import { paperSchema } from '../../schema/paper.ts';
import type { Diagnostic } from '../diagnostics.ts';
import { INPUT_LIMITS } from '../limits.ts';
import { readJson, readJsonLines } from './json.ts';
import { diagnosticAt, sameNameOrigins, type Draft, type DraftField, type SourceFormat, type SourceRecord } from './source-record.ts';

/**
 * Our own formats, for owners who keep their own list: records with the fields of the paper
 * schema plus `abstract`, as JSON (one object or an array), JSON Lines, or CSV with a header row.
 * `day` may stand for a one-day `days`; with neither, the day in the file name is used. In CSV,
 * list fields (`authors`, `days`, `keywords`, `categories`, `media`) are separated by `;`, and
 * `organization` is the organization's name. A column or key that is not a field is reported.
 */
const FIELDS = new Set<string>([...Object.keys(paperSchema.shape).filter((key) => key !== 'sources'), 'abstract']);
const LIST_FIELDS = new Set(['authors', 'days', 'keywords', 'categories', 'media']);
const INTEGER_FIELDS = new Set(['version', 'upvotes', 'comments', 'githubStars']);
const NOT_A_FIELD = 'not a paper field, ignored (the README lists the fields)';

function ownDraft(record: SourceRecord, source: string, fileDay: string | undefined, fromCsv: boolean): Draft | Diagnostic[] {
  const value = record.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [diagnosticAt(record, [], 'error', 'expected an object with the fields of a paper')];
  const fields: Draft['fields'] = {};
  // Keys are field names, so even a missing field is reported under its own name.
  const origins: Draft['origins'] = sameNameOrigins([...FIELDS] as DraftField[]);
  const warnings: Diagnostic[] = [];
  for (const [key, raw] of Object.entries(value)) {
    if (key === 'day') continue;
    if (!FIELDS.has(key)) {
      warnings.push(diagnosticAt(record, [key], 'warning', NOT_A_FIELD));
      continue;
    }
    fields[key as DraftField] = fromCsv ? fromCell(key, raw) : raw;
  }
  const day = (value as { day?: unknown }).day;
  if (fields.days === undefined) {
    fields.days = day !== undefined && day !== '' ? [day] : fileDay ? [fileDay] : undefined;
    if (day !== undefined) origins.days = ['day'];
  }
  if (typeof fields.organization === 'string') fields.organization = { name: fields.organization, fullname: fields.organization };
  return { record, source, fields, origins, warnings };
}

/** A CSV cell as the field wants it: lists split on `;`, whole numbers as numbers, empty as absent. */
function fromCell(field: string, cell: unknown): unknown {
  if (typeof cell !== 'string' || cell.trim() === '') return undefined;
  if (LIST_FIELDS.has(field)) return cell.split(';').map((item) => item.trim()).filter(Boolean);
  if (INTEGER_FIELDS.has(field) && /^\s*\d+\s*$/.test(cell)) return Number(cell);
  return cell;
}

export const ownJson: SourceFormat = {
  name: 'json',
  read: readJson,
  toDraft: (record, { fileDay }) => ownDraft(record, 'json', fileDay, false),
};

export const ownJsonLines: SourceFormat = {
  name: 'jsonl',
  read: readJsonLines,
  toDraft: (record, { fileDay }) => ownDraft(record, 'jsonl', fileDay, false),
};

export const ownCsv: SourceFormat = {
  name: 'csv',
  read(text, file) {
    const diagnostics: Diagnostic[] = [];
    let rows: { record: Record<string, string>; info: { lines: number } }[];
    try {
      rows = parseCsv(text, {
        columns: true,
        bom: true,
        info: true,
        skip_empty_lines: true,
        max_record_size: INPUT_LIMITS.recordChars,
        skip_records_with_error: true,
        on_skip: (error) => {
          if (error) diagnostics.push({ file, line: (error as { lines?: number }).lines ?? 0, column: 1, severity: 'error', field: '-', message: `invalid CSV: ${error.message}` });
        },
      });
    } catch (error) {
      return { records: [], diagnostics: [{ file, line: (error as { lines?: number }).lines ?? 1, column: 1, severity: 'error', field: '-', message: `invalid CSV: ${(error as Error).message}` }] };
    }
    // Columns that are not fields are reported once, at the header, then left out.
    const unknown = Object.keys(rows[0]?.record ?? {}).filter((column) => !FIELDS.has(column) && column !== 'day');
    for (const column of unknown) diagnostics.push({ file, line: 1, column: 1, severity: 'warning', field: column, message: NOT_A_FIELD });
    const records = rows.map(({ record, info }): SourceRecord => {
      for (const column of unknown) delete record[column];
      return { file, value: record, locate: () => ({ line: info.lines, column: 1 }) };
    });
    return { records, diagnostics };
  },
  toDraft: (record, { fileDay }) => ownDraft(record, 'csv', fileDay, true),
};
