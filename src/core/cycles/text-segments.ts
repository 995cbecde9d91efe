/**
 * Text as segments instead of markup: plain text, a person's name, and a person's own words.
 * The web layer decides how each looks (own words in quotation marks, in the person's voice);
 * core never produces HTML, so nothing a person wrote can ever be read as markup.
 */

/** One piece of a paragraph. */
export type TextSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'name'; readonly personId: string; readonly text: string }
  /** Exactly what the person wrote; shown in quotation marks. */
  | { readonly kind: 'own-words'; readonly personId: string; readonly text: string };

/** A paragraph as a run of segments. */
export type TextParagraph = readonly TextSegment[];

/** A segment of plain text. */
export function textSegment(text: string): TextSegment {
  return { kind: 'text', text };
}

/** A segment naming a person. */
export function nameSegment(personId: string, name: string): TextSegment {
  return { kind: 'name', personId, text: name };
}

/** A segment of a person's own words. */
export function ownWordsSegment(personId: string, text: string): TextSegment {
  return { kind: 'own-words', personId, text };
}

/** Joins runs of segments as an English list: "a", "a and b", "a, b and c". */
export function segmentsJoinedAsList(
  items: readonly TextParagraph[],
  conjunction = 'and',
): TextSegment[] {
  const joined: TextSegment[] = [];
  items.forEach((item, index) => {
    if (index > 0) joined.push(textSegment(index === items.length - 1 ? ` ${conjunction} ` : ', '));
    joined.push(...item);
  });
  return joined;
}

/** Whether a person's words already end a sentence, so no full stop is added after them. */
export function endsASentence(text: string): boolean {
  return /[.!?…]$/.test(text.trim());
}

/** A paragraph as plain text, own words in curly quotation marks. */
export function paragraphPlainText(paragraph: TextParagraph): string {
  return paragraph
    .map((segment) => (segment.kind === 'own-words' ? `“${segment.text}”` : segment.text))
    .join('');
}
