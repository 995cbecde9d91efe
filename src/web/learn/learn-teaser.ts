/** A card's teaser in the list of cards: its first sentence, so the list stays short to scan. */

/** The first sentence of a card's body (the whole first paragraph if it has no sentence end). */
export function learnTeaser(body: readonly string[]): string {
  const first = body[0] ?? '';
  const end = first.search(/[.?!](\s|$)/);
  return end === -1 ? first : first.slice(0, end + 1);
}
