import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { lineLocator, type Diagnostic } from '../diagnostics.ts';
import { jsonDepthOver } from '../../lib/json-depth.ts';
import { byteSize } from '../../lib/byte-size.ts';
import { INPUT_LIMITS } from '../limits.ts';
import type { SourceRecord } from './source-record.ts';

type Locate = (offset: number) => { line: number; column: number };
type Read = { records: SourceRecord[]; diagnostics: Diagnostic[] };

/**
 * Reads a JSON document. An array is a list of records; an object is one record. The values come
 * from JSON.parse; the tree with every node's position, which a diagnostic needs to name the line
 * and column of the offending field, is built only when one is asked for (built for every file, it
 * was 2 s of ingesting 54,000 papers). A text JSON.parse rejects is read with positions at once,
 * to say where it breaks.
 */
export function readJson(text: string, file: string): Read {
  if (jsonDepthOver(text, INPUT_LIMITS.jsonDepth)) return { records: [], diagnostics: [tooDeep(file, 1)] };
  const value = parsedOrUndefined(text);
  if (typeof value !== 'object' || value === null) return readJsonWithPositions(text, file);
  const locate = lineLocator(text);
  const root = rootWhenAsked(text, file, locate);
  if (!Array.isArray(value)) return { records: [lazyRecord(value, file, locate, root)], diagnostics: [] };
  return { records: value.map((item, i) => lazyRecord(item, file, locate, () => root()?.children?.[i])), diagnostics: [] };
}

/** readJson, with the tree of positions built first: for a text JSON.parse rejects, or that is not an array or object. */
function readJsonWithPositions(text: string, file: string): Read {
  const parsed = parseWithPositions(text, file, lineLocator(text));
  if ('diagnostics' in parsed) return { records: [], diagnostics: parsed.diagnostics };
  const { root, locate } = parsed;
  if (root.type === 'object') return { records: [toRecord(root, file, locate)], diagnostics: [] };
  if (root.type === 'array') return { records: (root.children ?? []).map((node) => toRecord(node, file, locate)), diagnostics: [] };
  return { records: [], diagnostics: [{ file, ...locate(root.offset), severity: 'error', field: '-', message: `expected a JSON array or object, found ${root.type}` }] };
}

/** Reads JSON Lines: one object per line; blank lines are skipped, a bad line is reported and the rest read. Positions are built as readJson builds them. */
export function readJsonLines(text: string, file: string): Read {
  const records: SourceRecord[] = [];
  const diagnostics: Diagnostic[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    if (line.length > INPUT_LIMITS.recordChars) {
      diagnostics.push({ file, line: index + 1, column: 1, severity: 'error', field: '-', message: `record skipped: the line is over the ${byteSize(INPUT_LIMITS.recordChars)} of text a record may have` });
      return;
    }
    if (jsonDepthOver(line, INPUT_LIMITS.jsonDepth)) {
      diagnostics.push(tooDeep(file, index + 1));
      return;
    }
    const locate: Locate = (offset) => ({ line: index + 1, column: offset + 1 });
    const value = parsedOrUndefined(line);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const root = rootWhenAsked(line, file, locate);
      records.push(lazyRecord(value, file, locate, root));
      return;
    }
    const parsed = parseWithPositions(line, file, locate);
    if ('diagnostics' in parsed) diagnostics.push(...parsed.diagnostics);
    else if (parsed.root.type !== 'object') diagnostics.push({ file, line: index + 1, column: 1, severity: 'error', field: '-', message: `expected a JSON object on each line, found ${parsed.root.type}` });
    else records.push(toRecord(parsed.root, file, locate));
  });
  return { records, diagnostics };
}

function tooDeep(file: string, line: number): Diagnostic {
  return { file, line, column: 1, severity: 'error', field: '-', message: `not read: nested deeper than the ${INPUT_LIMITS.jsonDepth} levels a record may have` };
}

function parsedOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The root of `text`'s tree of positions, built on the first call. */
function rootWhenAsked(text: string, file: string, locate: Locate): () => Node | undefined {
  let root: Node | undefined | null = null;
  return () => {
    if (root === null) {
      const parsed = parseWithPositions(text, file, locate);
      root = 'root' in parsed ? parsed.root : undefined;
    }
    return root;
  };
}

/** A record whose value JSON.parse gave, and whose node is looked for when a position is asked (the text's tree, which JSON.parse read, always has it). */
function lazyRecord(value: unknown, file: string, locate: Locate, node: () => Node | undefined): SourceRecord {
  return {
    file,
    value,
    locate: (path) => {
      const found = node();
      return found ? locate(deepestNode(found, path).offset) : { line: 1, column: 1 };
    },
  };
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
