import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { dayInFileName } from '../lib/dates.ts';
import type { PaperDocument } from '../schema/paper.ts';
import type { Diagnostic } from './diagnostics.ts';
import { fileBytes, listInputFiles, paperFile, readText, readTextIfExists, removeStaleTemporaryFiles, writeFileAtomic } from '../fs/files.ts';
import { byteSize } from '../lib/byte-size.ts';
import { INPUT_LIMITS } from './limits.ts';
import { mergeDocuments } from './merge.ts';
import { normalize } from './normalize.ts';
import { detectFormat, formats, inputExtensions } from './sources/index.ts';
import { diagnosticAt, type SourceFormat, type SourceRecord } from './sources/source-record.ts';
import { fromMarkdownFile, isGeneratedFile, toMarkdownFile } from './to-markdown.ts';

export interface IngestOptions {
  /** Files and folders to read. */
  inputs: readonly string[];
  /** The collection folder the Markdown files go to. */
  outDir: string;
  /** A format name from `formats`, to skip detection. */
  format?: string;
  /** The UTC day of the run, which bounds the list days taken (default: today; tests set it). */
  today?: string;
  /** Told how far each phase has come, for a progress bar. */
  onProgress?: (phase: 'read' | 'write', done: number, total: number) => void;
}

export interface IngestSummary {
  /** Records found in the inputs. */
  read: number;
  /** Paper files created or changed. */
  written: number;
  /** Paper files whose content was already up to date. */
  unchanged: number;
  /** Records rejected, and papers whose file could not be updated. */
  skipped: number;
  /** Problems of severity error. */
  errors: number;
  diagnostics: Diagnostic[];
}

/**
 * Reads every input, normalizes and merges the records by paper id (with what the output folder
 * already holds), and writes one Markdown file per paper. Problems are collected, never thrown:
 * a bad record or file is reported and the rest goes on.
 */
export function ingest({ inputs, outDir, format, today, onProgress }: IngestOptions): IngestSummary {
  const diagnostics: Diagnostic[] = [];
  // Every record of each paper, merged only once all are read, so the order of the files never decides.
  const papers = new Map<string, PaperDocument[]>();
  let read = 0;
  let skipped = 0;

  const forced = format === undefined ? undefined : formats[format];
  if (format !== undefined && !forced) throw new Error(`unknown format ${JSON.stringify(format)}; one of: ${Object.keys(formats).join(', ')}`);

  const { files, missing } = listInputFiles(inputs, inputExtensions);
  for (const file of missing) diagnostics.push({ file, line: 0, column: 0, severity: 'error', field: '-', message: 'no such file or folder' });

  files.forEach((file, index) => {
    onProgress?.('read', index, files.length);
    if (fileBytes(file) > INPUT_LIMITS.fileBytes) {
      diagnostics.push({ file, line: 0, column: 0, severity: 'error', field: '-', message: `not read: the file is over the ${byteSize(INPUT_LIMITS.fileBytes)} an input may have; split it into smaller files` });
      return;
    }
    const text = readText(file);
    const source = forced ?? detectFormat(text);
    if (!source) {
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', field: '-', message: `cannot tell the format; pass --format (${Object.keys(formats).join(', ')})` });
      return;
    }
    const parsed = source.read(text, file);
    diagnostics.push(...parsed.diagnostics);
    const fileDay = dayInFileName(basename(file));
    for (const record of parsed.records) {
      read++;
      const result = toDocument(source, record, { fileDay, today });
      diagnostics.push(...result.diagnostics);
      if (!result.document) {
        skipped++;
        continue;
      }
      const { id } = result.document.paper;
      const records = papers.get(id);
      if (records) records.push(result.document);
      else papers.set(id, [result.document]);
    }
  });
  onProgress?.('read', files.length, files.length);

  if (existsSync(outDir)) removeStaleTemporaryFiles(outDir);
  let written = 0;
  let unchanged = 0;
  const ids = [...papers.keys()].sort();
  ids.forEach((id, index) => {
    if (index % 100 === 0) onProgress?.('write', index, ids.length);
    const file = paperFile(outDir, id);
    const existingText = readTextIfExists(file);
    const records = papers.get(id)!;
    if (existingText !== undefined) {
      const earlier = readExisting(existingText);
      if (typeof earlier === 'string') {
        diagnostics.push({ file, line: 1, column: 1, severity: 'error', field: '-', message: `left as it is: the existing file ${earlier}` });
        skipped++;
        return;
      }
      records.push(earlier);
    }
    const text = toMarkdownFile(mergeDocuments(records));
    if (text === existingText) unchanged++;
    else {
      writeFileAtomic(file, text);
      written++;
    }
  });
  onProgress?.('write', ids.length, ids.length);

  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { read, written, unchanged, skipped, errors, diagnostics };
}

/** The run in one line: `read 21 · written 3 · unchanged 18 · skipped 0 · errors 0 (0.4 s)`. */
export function summaryLine(summary: IngestSummary, seconds: number): string {
  return `read ${summary.read} · written ${summary.written} · unchanged ${summary.unchanged} · skipped ${summary.skipped} · errors ${summary.errors} (${seconds.toFixed(1)} s)`;
}

/** One record through its format's mapping and normalization; a crash on odd input is one more diagnostic. */
function toDocument(source: SourceFormat, record: SourceRecord, { fileDay, today }: { fileDay?: string; today?: string }): { document?: PaperDocument; diagnostics: Diagnostic[] } {
  try {
    const draft = source.toDraft(record, { fileDay });
    return Array.isArray(draft) ? { diagnostics: draft } : normalize(draft, { today });
  } catch (error) {
    return { diagnostics: [diagnosticAt(record, [], 'error', `could not read this record (${String(error)}); please report it`)] };
  }
}

/** The paper in a file of the output folder, or why ingest must not touch it. */
function readExisting(text: string): PaperDocument | string {
  if (!isGeneratedFile(text)) return 'was not written by ingest';
  try {
    return fromMarkdownFile(text);
  } catch (error) {
    return `is not a valid paper: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`;
  }
}
