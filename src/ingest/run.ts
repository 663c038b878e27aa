import { basename } from 'node:path';
import type { PaperDocument } from '../schema/paper.ts';
import { dayInFileName } from '../lib/dates.ts';
import type { Diagnostic } from './diagnostics.ts';
import { listInputFiles, paperFile, readText, readTextIfExists, writeFileAtomic } from './files.ts';
import { mergeDocuments } from './merge.ts';
import { normalize } from './normalize.ts';
import { hfDaily } from './sources/hf-daily.ts';
import { fromMarkdownFile, toMarkdownFile } from './to-markdown.ts';

export interface IngestOptions {
  /** Files and folders to read. */
  inputs: readonly string[];
  /** The collection folder the Markdown files go to. */
  outDir: string;
}

export interface IngestSummary {
  /** Records found in the inputs. */
  read: number;
  /** Paper files created or changed. */
  written: number;
  /** Paper files whose content was already up to date. */
  unchanged: number;
  /** Records rejected. */
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
export function ingest({ inputs, outDir }: IngestOptions): IngestSummary {
  const diagnostics: Diagnostic[] = [];
  const papers = new Map<string, PaperDocument>();
  let read = 0;
  let skipped = 0;

  const { files, missing } = listInputFiles(inputs, ['.json']);
  for (const file of missing) diagnostics.push({ file, line: 0, column: 0, severity: 'error', field: '-', message: 'no such file or folder' });

  for (const file of files) {
    const parsed = hfDaily.read(readText(file), file);
    diagnostics.push(...parsed.diagnostics);
    const fileDay = dayInFileName(basename(file));
    for (const record of parsed.records) {
      read++;
      const draft = hfDaily.toDraft(record, { fileDay });
      const result = Array.isArray(draft) ? { diagnostics: draft } : normalize(draft);
      diagnostics.push(...result.diagnostics);
      if (!result.document) {
        skipped++;
        continue;
      }
      const { id } = result.document.paper;
      const earlier = papers.get(id);
      papers.set(id, earlier ? mergeDocuments(earlier, result.document) : result.document);
    }
  }

  let written = 0;
  let unchanged = 0;
  for (const id of [...papers.keys()].sort()) {
    const file = paperFile(outDir, id);
    const existingText = readTextIfExists(file);
    let document = papers.get(id)!;
    if (existingText !== undefined) {
      try {
        document = mergeDocuments(fromMarkdownFile(existingText), document);
      } catch (error) {
        diagnostics.push({ file, line: 1, column: 1, severity: 'error', field: '-', message: `existing file is not a valid paper, left as it is: ${firstLine(error)}` });
        skipped++;
        continue;
      }
    }
    const text = toMarkdownFile(document);
    if (text === existingText) unchanged++;
    else {
      writeFileAtomic(file, text);
      written++;
    }
  }

  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  return { read, written, unchanged, skipped, errors, diagnostics };
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}
