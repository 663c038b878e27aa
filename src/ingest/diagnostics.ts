import { forTerminal } from '../lib/control-characters.ts';

/** A problem found in an input, pinned to where a person can fix it. */
export interface Diagnostic {
  file: string;
  /** 1-based; 0 when the problem concerns the whole file. */
  line: number;
  /** 1-based; 0 when unknown. */
  column: number;
  severity: 'error' | 'warning';
  /** Dotted path of the field in the input, or `-` for the whole record or file. */
  field: string;
  message: string;
}

/**
 * `file:line:column  severity  field  message`, the shape editors and CI annotators link, on one
 * line whatever a file name or message holds: a record's text never reaches the terminal raw.
 */
export function formatDiagnostic(d: Diagnostic): string {
  return forTerminal(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.field}  ${d.message}`);
}

/** Turns byte offsets of a text into 1-based line and column, in O(log lines) per call. */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - lineStarts[low] + 1 };
  };
}
