/**
 * Parses JSON keeping every number that JavaScript cannot hold exactly as its source text: Shopify
 * ids reach 18 digits (above 2^53) and a postback may send `"amount": 1250.50`. Integers within the
 * safe range stay numbers; other numbers become strings, read later with `parseMajor` or as ids.
 */
export function parseJsonExact(text: string): unknown {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (char === '"') {
      const end = endOfString(text, index);
      out += text.slice(index, end);
      index = end;
      continue;
    }
    if (char === '-' || (char >= '0' && char <= '9')) {
      const match = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(index, index + 400));
      if (!match) throw new SyntaxError(`Unexpected character at position ${index}`);
      const token = match[0];
      const exact = /^-?\d+$/.test(token) && Number.isSafeInteger(Number(token));
      out += exact ? token : `"${token}"`;
      index += token.length;
      continue;
    }
    out += char;
    index++;
  }
  return JSON.parse(out);
}

function endOfString(text: string, start: number): number {
  for (let index = start + 1; index < text.length; index++) {
    const char = text[index];
    if (char === '\\') index++;
    else if (char === '"') return index + 1;
  }
  throw new SyntaxError('Unterminated string in JSON');
}
