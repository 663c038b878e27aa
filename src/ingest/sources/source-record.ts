import type { z } from 'astro/zod';
import type { Paper } from '../../schema/paper.ts';
import type { Diagnostic } from '../diagnostics.ts';

/** One record as a source format read it: its raw value and a way back to its position. */
export interface SourceRecord {
  file: string;
  value: unknown;
  /** Line and column of a field of this record (`[]` is the record itself). */
  locate(path: readonly PropertyKey[]): { line: number; column: number };
}

export type DraftField = Exclude<keyof Paper, 'sources'> | 'abstract';

/**
 * A paper as a source format mapped it, before normalization: raw values by record field, and
 * for each field the path it came from in the source record, so that a problem found later
 * still points at the right line.
 */
export interface Draft {
  record: SourceRecord;
  /** The format's name, recorded in the paper's `sources`. */
  source: string;
  fields: Partial<Record<DraftField, unknown>>;
  origins: Partial<Record<DraftField, readonly PropertyKey[]>>;
  /** Problems that do not reject the record, found while mapping it. */
  warnings?: Diagnostic[];
}

/** What a source format offers ingest. */
export interface SourceFormat {
  name: string;
  /** Splits a file's text into records, with positions. */
  read(text: string, file: string): { records: SourceRecord[]; diagnostics: Diagnostic[] };
  /** Maps one record to a draft, or says why it cannot. `fileDay` is the date in the file's name. */
  toDraft(record: SourceRecord, context: { fileDay?: string }): Draft | Diagnostic[];
}

/** A diagnostic pinned to a field of a source record. */
export function diagnosticAt(record: SourceRecord, path: readonly PropertyKey[], severity: Diagnostic['severity'], message: string): Diagnostic {
  return { file: record.file, ...record.locate(path), severity, field: path.length ? path.join('.') : '-', message };
}

/** Checks a record's value against a source schema, turning each problem into a diagnostic at its field. */
export function parseAt<T>(record: SourceRecord, schema: z.ZodType<T>, value: unknown): T | Diagnostic[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : parsed.error.issues.map((issue) => diagnosticAt(record, issue.path, 'error', issue.message));
}

/** Origins for fields that sit under the same name at the top of a record. */
export function sameNameOrigins(fields: readonly DraftField[]): Draft['origins'] {
  return Object.fromEntries(fields.map((field) => [field, [field]]));
}
