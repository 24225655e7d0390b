import { describe, expect, it } from 'vitest';
import { BOM, csvField, toCsv } from './csv';

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && input[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('CSV', () => {
  it('starts with a BOM, ends rows with CRLF, and round-trips commas, quotes and line breaks', () => {
    const cells = ['plain', 'a, b', 'say "no"', 'two\nlines', 'crlf\r\ninside', ' padded ', 'Kesić 🇺🇳', ''];
    const csv = toCsv([['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8'], cells]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(parseCsv(csv.slice(1))).toEqual([['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8'], cells]);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('safe')).toBe('safe');
  });

  it('writes numbers and empty values plainly', () => {
    expect(toCsv([[1, null, undefined, 'x']])).toBe(`${BOM}1,,,x\r\n`);
  });
});
