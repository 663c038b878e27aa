import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { lineLocator, type Diagnostic } from '../diagnostics.ts';
import type { SourceRecord } from './source-record.ts';

type Locate = (offset: number) => { line: number; column: number };
type Read = { records: SourceRecord[]; diagnostics: Diagnostic[] };

/**
 * Reads a JSON document with the position of every node, so a diagnostic can name the line and
 * column of the offending field. An array is a list of records; an object is one record.
 */
export function readJson(text: string, file: string): Read {
  const parsed = parseWithPositions(text, file, lineLocator(text));
  if ('diagnostics' in parsed) return { records: [], diagnostics: parsed.diagnostics };
  const { root, locate } = parsed;
  if (root.type === 'object') return { records: [toRecord(root, file, locate)], diagnostics: [] };
  if (root.type === 'array') return { records: (root.children ?? []).map((node) => toRecord(node, file, locate)), diagnostics: [] };
  return { records: [], diagnostics: [{ file, ...locate(root.offset), severity: 'error', field: '-', message: `expected a JSON array or object, found ${root.type}` }] };
}

/** Reads JSON Lines: one object per line; blank lines are skipped, a bad line is reported and the rest read. */
export function readJsonLines(text: string, file: string): Read {
  const records: SourceRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const locate: Locate = (offset) => ({ line: index + 1, column: offset + 1 });
    const parsed = parseWithPositions(line, file, locate);
    if ('diagnostics' in parsed) diagnostics.push(...parsed.diagnostics);
    else if (parsed.root.type !== 'object') diagnostics.push({ file, line: index + 1, column: 1, severity: 'error', field: '-', message: `expected a JSON object on each line, found ${parsed.root.type}` });
    else records.push(toRecord(parsed.root, file, locate));
  });
  return { records, diagnostics };
}

function parseWithPositions(text: string, file: string, locate: Locate): { root: Node; locate: Locate } | { diagnostics: Diagnostic[] } {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length === 0 && root) return { root, locate };
  // Only the first error: the ones after it are echoes of the same break.
  const first = errors[0];
  const message = first ? `invalid JSON: ${printParseErrorCode(first.error)}` : 'empty file';
  return { diagnostics: [{ file, ...locate(first?.offset ?? 0), severity: 'error', field: '-', message }] };
}

function toRecord(node: Node, file: string, locate: Locate): SourceRecord {
  return { file, value: getNodeValue(node), locate: (path) => locate(deepestNode(node, path).offset) };
}

/** The node at `path`, or its nearest existing ancestor when the field is missing. */
function deepestNode(node: Node, path: readonly PropertyKey[]): Node {
  for (let depth = path.length; depth > 0; depth--) {
    const found = findNodeAtLocation(node, path.slice(0, depth).map((key) => (typeof key === 'number' ? key : String(key))));
    if (found) return found.parent?.type === 'property' ? found.parent : found;
  }
  return node;
}
