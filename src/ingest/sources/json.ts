import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { lineLocator, type Diagnostic } from '../diagnostics.ts';
import type { SourceRecord } from './source-record.ts';

/**
 * Reads a JSON array of records with the position of every node, so a diagnostic can name the
 * line and column of the offending field rather than just the file.
 */
export function readJsonArray(text: string, file: string): { records: SourceRecord[]; diagnostics: Diagnostic[] } {
  const toLineColumn = lineLocator(text);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  if (errors.length > 0 || !root) {
    const diagnostics = errors.map((e): Diagnostic => ({
      file, ...toLineColumn(e.offset), severity: 'error', field: '-', message: `invalid JSON: ${printParseErrorCode(e.error)}`,
    }));
    if (diagnostics.length === 0) diagnostics.push({ file, line: 0, column: 0, severity: 'error', field: '-', message: 'empty file' });
    return { records: [], diagnostics };
  }
  if (root.type !== 'array') {
    return { records: [], diagnostics: [{ file, ...toLineColumn(root.offset), severity: 'error', field: '-', message: `expected a JSON array of papers, found ${root.type}` }] };
  }
  const records = (root.children ?? []).map((node): SourceRecord => ({
    file,
    value: getNodeValue(node),
    locate: (path) => toLineColumn(deepestNode(node, path).offset),
  }));
  return { records, diagnostics: [] };
}

/** The node at `path`, or its nearest existing ancestor when the field is missing. */
function deepestNode(node: Node, path: readonly PropertyKey[]): Node {
  for (let depth = path.length; depth > 0; depth--) {
    const found = findNodeAtLocation(node, path.slice(0, depth).map((key) => (typeof key === 'number' ? key : String(key))));
    if (found) return found.parent?.type === 'property' ? found.parent : found;
  }
  return node;
}
