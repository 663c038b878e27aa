import { XMLBuilder } from 'fast-xml-parser';

// Unformatted on purpose: a formatter would indent text into the elements that hold it. Boolean
// attributes are not suppressed: they would write a keyword "true" as a bare `term`, not XML.
const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true, suppressBooleanAttributes: false });

/**
 * An XML document (the RSS and Atom feeds) from fast-xml-parser's object form, after an XML
 * declaration. fast-xml-parser escapes every text and attribute.
 */
export function xmlDocument(root: Record<string, unknown>): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...root });
}
