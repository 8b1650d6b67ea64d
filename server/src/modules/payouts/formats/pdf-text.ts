import { createRequire } from 'node:module';
import type PDFDocument from 'pdfkit';

/**
 * Text in a PDF that mixes Vietnamese and Thai. No single Noto font covers both, so text is cut
 * into runs: Thai letters (U+0E00–U+0E7F, ฿ included) in Noto Sans Thai, everything else in
 * Noto Sans (Latin with all Vietnamese letters, ₫). Spaces stay in the run they sit in, so a Thai
 * phrase stays one run and reads back whole.
 */
const require = createRequire(import.meta.url);

const FONT_FILES = {
  latin: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  latinBold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  thai: '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff',
  thaiBold: '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-700-normal.woff',
} as const;

type FontName = keyof typeof FONT_FILES;
/** Noto Sans's ascender in em (1069 units of 1000). */
const LATIN_ASCENDER = 1.069;
type Doc = InstanceType<typeof PDFDocument>;

/** What pdfkit keeps of an embedded font: the fontkit font, the subset and its glyph→text map. */
type EmbeddedFont = {
  font: { glyphForCodePoint(codePoint: number): { id: number; advanceWidth: number } };
  subset: { includeGlyph(glyphId: number): number };
  unicode: number[][];
  widths: number[];
  scale: number;
};

/**
 * So that text reads back (copy, search, screen readers), each glyph must map to its letter:
 * - precomposed letters stay one glyph: the fonts' `ccmp` feature would split "ị", "ụ" or the
 *   Thai sara am "ำ" into a base and a mark, which no per-glyph text map can turn back;
 * - pdfkit maps each glyph to the text it first stood for, and fontkit reports no text for some
 *   glyphs (Thai sara aa "า"), so the glyph of each letter drawn is mapped to that letter first.
 */
const FEATURES = { ccmp: false } as unknown as PDFKit.Mixins.TextOptions['features'];

function mapGlyphs(doc: Doc, text: string): void {
  const embedded = (doc as unknown as { _font: EmbeddedFont })._font;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    const glyph = embedded.font.glyphForCodePoint(codePoint);
    if (glyph.id === 0) continue;
    const id = embedded.subset.includeGlyph(glyph.id);
    embedded.unicode[id] = [codePoint];
    embedded.widths[id] ??= glyph.advanceWidth * embedded.scale;
  }
}

export function registerFonts(doc: Doc): void {
  for (const [name, file] of Object.entries(FONT_FILES)) doc.registerFont(name, require.resolve(file));
}

type Run = { thai: boolean; text: string };

function isThai(character: string): boolean {
  const code = character.codePointAt(0)!;
  return code >= 0x0e00 && code <= 0x0e7f;
}

function splitRuns(text: string): Run[] {
  const runs: Run[] = [];
  for (const character of text.normalize('NFC')) {
    const current = runs.at(-1);
    const thai = character === ' ' && current ? current.thai : isThai(character);
    if (current && current.thai === thai) current.text += character;
    else runs.push({ thai, text: character });
  }
  return runs;
}

export type TextStyle = { size: number; bold?: boolean; color?: string };

function fontOf(run: Run, bold: boolean | undefined): FontName {
  if (run.thai) return bold ? 'thaiBold' : 'thai';
  return bold ? 'latinBold' : 'latin';
}

export function measure(doc: Doc, text: string, style: TextStyle): number {
  return splitRuns(text).reduce(
    (width, run) =>
      width +
      doc.font(fontOf(run, style.bold)).fontSize(style.size).widthOfString(run.text, { features: FEATURES }),
    0,
  );
}

/** Draws one line at (x, y) without wrapping, aligned within `width` when given. */
export function drawLine(
  doc: Doc,
  text: string,
  at: { x: number; y: number; width?: number; align?: 'left' | 'right' | 'center' },
  style: TextStyle,
): void {
  const total = measure(doc, text, style);
  let x = at.x;
  if (at.width !== undefined && at.align === 'right') x = at.x + at.width - total;
  if (at.width !== undefined && at.align === 'center') x = at.x + (at.width - total) / 2;
  doc.fillColor(style.color ?? '#000000');
  // Both fonts sit on one baseline: the Latin font's, whose ascender puts the top of the line at y.
  const baseline = at.y + style.size * LATIN_ASCENDER;
  for (const run of splitRuns(text)) {
    doc.font(fontOf(run, style.bold)).fontSize(style.size);
    mapGlyphs(doc, run.text);
    doc.text(run.text, x, baseline, { lineBreak: false, baseline: 'alphabetic', features: FEATURES });
    x += doc.widthOfString(run.text, { features: FEATURES });
  }
}

const WORDS = new Intl.Segmenter('th', { granularity: 'word' });
const GRAPHEMES = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** Breaks text into lines that fit `width`: at words (Thai words found by the segmenter), else at letters. */
export function wrap(doc: Doc, text: string, width: number, style: TextStyle): string[] {
  const lines: string[] = [];
  let line = '';
  const place = (piece: string) => {
    if (measure(doc, line + piece, style) <= width) {
      line += piece;
      return;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = piece.trimStart();
    if (measure(doc, line, style) <= width) return;
    const letters = [...GRAPHEMES.segment(line)].map((segment) => segment.segment);
    line = '';
    for (const letter of letters) {
      if (line && measure(doc, line + letter, style) > width) {
        lines.push(line);
        line = '';
      }
      line += letter;
    }
  };
  for (const { segment } of WORDS.segment(text.normalize('NFC'))) place(segment);
  if (line.trim() || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
