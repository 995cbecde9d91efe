/**
 * Word-aware wrapping for short labels in a drawing: words stay whole, a line never runs past its
 * width, and when the text does not fit, the label ends in "…" and says it was shortened, so the
 * caller can keep the full text beside it. A word is only split when it is longer than a whole
 * line on its own.
 */

/** The ellipsis that ends a shortened label. */
export const LABEL_ELLIPSIS = '…';

/** A label cut into lines. */
export interface WrappedLabel {
  readonly lines: readonly string[];
  /** True when some of the text did not fit and the last line ends in "…". */
  readonly truncated: boolean;
}

/** How much room a label has. */
export interface LabelRoom {
  /** The most characters on one line; at least 2, so "x…" always fits. */
  readonly maxCharsPerLine: number;
  /** The most lines; at least 1. */
  readonly maxLines: number;
}

/** The words of a text, any run of whitespace counting as one space. */
export function labelWords(text: string): string[] {
  return text.split(/\s+/).filter((word) => word.length > 0);
}

// Graphemes, not code units: an emoji or an accented letter counts as one character and is never split.
const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The characters of a text as a person sees them. */
function charactersOf(text: string): string[] {
  return Array.from(GRAPHEMES.segment(text), (part) => part.segment);
}

/** Splits words longer than a line into line-sized pieces, leaving others whole. */
function piecesFitting(words: readonly string[], width: number): string[] {
  return words.flatMap((word) => {
    const characters = charactersOf(word);
    if (characters.length <= width) return [word];
    const pieces: string[] = [];
    for (let start = 0; start < characters.length; start += width) {
      pieces.push(characters.slice(start, start + width).join(''));
    }
    return pieces;
  });
}

/** A text's length in characters as a person sees them. */
export function labelLength(text: string): number {
  return charactersOf(text).length;
}

/** Greedy line filling: as many whole words on each line as fit. */
function linesFilled(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (labelLength(candidate) <= width) {
      current = candidate;
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** Punctuation that would dangle before an ellipsis ("quiet,…"). */
const TRAILING_PUNCTUATION = /[\s,;:.–—-]+$/u;

/** A line shortened to end in "…" within `width`: whole words dropped first, trailing commas too. */
function lineEndingInEllipsis(line: string, width: number): string {
  const words = line.split(' ');
  for (let count = words.length; count >= 1; count -= 1) {
    const kept = words.slice(0, count).join(' ').replace(TRAILING_PUNCTUATION, '');
    if (kept !== '' && labelLength(kept) + 1 <= width) return `${kept}${LABEL_ELLIPSIS}`;
  }
  // Not even the first word fits beside the ellipsis: cut it by characters.
  return `${charactersOf(line)
    .slice(0, width - 1)
    .join('')}${LABEL_ELLIPSIS}`;
}

/** Wraps `text` into at most `room.maxLines` lines of at most `room.maxCharsPerLine` characters. */
export function labelWrap(text: string, room: LabelRoom): WrappedLabel {
  const width = Math.max(2, Math.floor(room.maxCharsPerLine));
  const maxLines = Math.max(1, Math.floor(room.maxLines));
  const lines = linesFilled(piecesFitting(labelWords(text), width), width);
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  const last = kept.pop() ?? '';
  return { lines: [...kept, lineEndingInEllipsis(last, width)], truncated: true };
}
