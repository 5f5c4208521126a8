import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';

// exceljs 4.4's streaming reader decodes each inflated chunk of a sheet on its own
// (lib/utils/parse-sax.js), so a character whose UTF-8 bytes straddle two chunks reads as
// U+FFFD. For Chinese text that is about one cell in a thousand of a large file, silently
// (exceljs issues #2063, #2084). This reader decodes across chunk boundaries first.

/** Buffers decoded as UTF-8 across chunk boundaries. */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const tail = decoder.end();
  if (tail) yield tail;
}

type ReaderInternals = {
  _parseSharedStrings(entry: NodeJS.ReadableStream): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): AsyncGenerator<unknown>;
};

/** exceljs's streaming WorkbookReader, reading shared strings and sheets as whole UTF-8 text. */
export class Utf8WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {}
{
  const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ReaderInternals;
  const own = Utf8WorkbookReader.prototype as unknown as ReaderInternals;
  own._parseSharedStrings = function (this: unknown, entry) {
    entry.setEncoding('utf8');
    return base._parseSharedStrings.call(this, entry);
  };
  own._parseWorksheet = function (this: unknown, iterator, sheetNo) {
    return base._parseWorksheet.call(this, utf8(iterator) as AsyncIterable<never>, sheetNo);
  };
}
