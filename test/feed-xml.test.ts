import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { xmlDocument } from '../src/feeds/xml.ts';

describe('the XML of the feeds', () => {
  it.each(['true', 'false', '', '"quoted" & <tagged>'])('writes an attribute whose value is %j as well-formed XML, value and all', (value) => {
    const problems: string[] = [];
    const document = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(xmlDocument({ feed: { category: { '@_term': value } } }), 'text/xml');
    expect(problems).toEqual([]);
    expect(document.getElementsByTagName('category')[0].getAttribute('term')).toBe(value);
  });
});
