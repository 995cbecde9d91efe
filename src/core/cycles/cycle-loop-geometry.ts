/**
 * The cycle drawn as a loop, as geometry only: four boxes on an ellipse, clockwise from the top,
 * my move → how you read it → your move → how I read it → back to my move, and four arcs with
 * arrowheads between them. The web layer renders `<svg>` straight from this; nothing here knows
 * about the DOM.
 *
 * Labels are shortened word by word to fit their box. Every shortened node says so and keeps its
 * full text, and the diagram's description carries every node in full, so a screen reader (or a
 * tooltip) never loses what was cut for the picture.
 *
 * Text width is estimated from an average character width, since core cannot measure fonts; the
 * estimate errs wide so text stays inside its box.
 */
import { cyclePatternOf, type CyclePattern, type PersonLean } from './cycle-pattern.ts';
import type { CyclePerson } from './cycle-description.ts';
import { labelWrap } from './label-wrap.ts';
import { sideMovesLeaningFirst } from './side-moves.ts';

/** Narrowest and widest drawing, in CSS pixels; a width outside is clamped. */
export const LOOP_WIDTH_RANGE_PX = { min: 280, max: 960 } as const;
/** Label font size, in CSS pixels. */
export const LOOP_FONT_SIZE_PX = 14;
/** Distance between text baselines, in CSS pixels. */
export const LOOP_LINE_HEIGHT_PX = 18;
/** Average glyph width as a share of the font size: generous for common sans-serif fonts. */
export const LOOP_CHAR_WIDTH_EM = 0.58;
/** Lines of label under each box's heading; narrow boxes get one more so less is cut. */
export const LOOP_BODY_LINES_MAX = { narrow: 4, wide: 3 } as const;
/** Below this many characters a line, a box counts as narrow. */
export const LOOP_NARROW_CHARS_PER_LINE = 18;
/** Space between a box's edge and its text, in CSS pixels. */
export const LOOP_BOX_PADDING_PX = 10;
/** Space around the whole drawing, in CSS pixels. */
export const LOOP_MARGIN_PX = 6;
/** Gap between a box and the end of an arrow, in CSS pixels. */
export const LOOP_ARROW_GAP_PX = 6;
/** Arrowhead length and half-width, in CSS pixels. */
export const LOOP_ARROWHEAD_PX = { length: 10, halfWidth: 5 } as const;

/** The four steps of the loop, clockwise from the top. */
export const LOOP_NODE_ROLES = ['my-move', 'your-reading', 'your-move', 'my-reading'] as const;

/** One step of the loop. */
export type LoopNodeRole = (typeof LOOP_NODE_ROLES)[number];

/** A point in the drawing, in CSS pixels from the top left. */
export interface LoopPoint {
  readonly x: number;
  readonly y: number;
}

/** One line of text, anchored at its middle on the baseline. */
export interface LoopTextLine extends LoopPoint {
  readonly text: string;
}

/** One box of the loop. */
export interface LoopNode {
  readonly role: LoopNodeRole;
  readonly personId: string;
  readonly heading: LoopTextLine;
  readonly bodyLines: readonly LoopTextLine[];
  /** True when the heading or body was shortened to fit; `fullText` has all of it. */
  readonly truncated: boolean;
  /** The whole node in words, for a tooltip or the accessible description. */
  readonly fullText: string;
  readonly centre: LoopPoint;
  readonly box: {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
  };
}

/** One arrow from a box to the next, clockwise. */
export interface LoopArrow {
  readonly from: LoopNodeRole;
  readonly to: LoopNodeRole;
  /** An SVG path: one elliptical arc. */
  readonly path: string;
  /** The arrowhead as SVG polygon points, its tip where the arc ends. */
  readonly head: string;
  /** The arc's direction where it ends, in degrees clockwise from pointing right. */
  readonly headAngleDeg: number;
}

/** The whole loop, ready to render. */
export interface LoopDiagram {
  readonly width: number;
  readonly height: number;
  readonly viewBox: string;
  readonly fontSizePx: number;
  readonly nodes: readonly LoopNode[];
  readonly arrows: readonly LoopArrow[];
  /** A short title for the drawing. */
  readonly title: string;
  /** The loop in full sentences, nothing shortened: the accessible description. */
  readonly description: string;
}

/** Who the loop is drawn for: `me` at the top, `you` opposite, and the width available. */
export interface LoopDiagramInput {
  readonly me: CyclePerson;
  readonly you: CyclePerson;
  readonly widthPx: number;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
const clamp = (value: number, min: number, max: number): number =>
  Math.min(max, Math.max(min, value));

/** The words of a node: a heading (the person's name) and a body. */
interface NodeWords {
  readonly role: LoopNodeRole;
  readonly person: CyclePerson;
  readonly body: string;
  /** The body as a sentence for the description. */
  readonly sentence: string;
}

function leanOf(pattern: CyclePattern, personId: string): PersonLean {
  return pattern.leans.find((lean) => lean.personId === personId)?.lean ?? 'none';
}

function movesWords(pattern: CyclePattern, person: CyclePerson): string {
  const lean = leanOf(pattern, person.personId);
  const moves = sideMovesLeaningFirst(
    person.side,
    lean === 'toward' || lean === 'away' ? lean : null,
  );
  if (moves.length === 0) return 'has not named a move yet';
  return moves.map((named) => (named.moveId === null ? `“${named.text}”` : named.text)).join(', ');
}

function readingWords(person: CyclePerson): string {
  const story = person.side.storyAboutOther;
  return story === '' ? 'left this part open' : `hears “${story}”`;
}

function nodeWordsFor(
  pattern: CyclePattern,
  me: CyclePerson,
  you: CyclePerson,
): readonly NodeWords[] {
  const node = (role: LoopNodeRole, person: CyclePerson, body: string): NodeWords => ({
    role,
    person,
    body,
    sentence: `${person.name} ${body}`,
  });
  return [
    node('my-move', me, movesWords(pattern, me)),
    node('your-reading', you, readingWords(you)),
    node('your-move', you, movesWords(pattern, you)),
    node('my-reading', me, readingWords(me)),
  ];
}

/** Sizes that follow from the width. */
interface LoopLayout {
  readonly width: number;
  readonly height: number;
  readonly boxWidth: number;
  readonly boxHeight: number;
  readonly charsPerLine: number;
  readonly bodyLinesMax: number;
  readonly centre: LoopPoint;
  readonly rx: number;
  readonly ry: number;
}

function loopLayout(widthPx: number): LoopLayout {
  const width = Math.round(
    clamp(
      Number.isFinite(widthPx) ? widthPx : LOOP_WIDTH_RANGE_PX.min,
      LOOP_WIDTH_RANGE_PX.min,
      LOOP_WIDTH_RANGE_PX.max,
    ),
  );
  const boxWidth = Math.round(clamp(width * 0.38, 110, 230));
  const charsPerLine = Math.floor(
    (boxWidth - 2 * LOOP_BOX_PADDING_PX) / (LOOP_FONT_SIZE_PX * LOOP_CHAR_WIDTH_EM),
  );
  const bodyLinesMax =
    charsPerLine < LOOP_NARROW_CHARS_PER_LINE
      ? LOOP_BODY_LINES_MAX.narrow
      : LOOP_BODY_LINES_MAX.wide;
  const boxHeight = 2 * LOOP_BOX_PADDING_PX + (1 + bodyLinesMax) * LOOP_LINE_HEIGHT_PX;
  const rx = width / 2 - boxWidth / 2 - LOOP_MARGIN_PX;
  // Tall enough that the side boxes clear the top and bottom ones with room for an arrow between.
  const ry = Math.max(boxHeight + 3 * LOOP_ARROW_GAP_PX + LOOP_ARROWHEAD_PX.length, rx * 0.6);
  const height = Math.round(2 * ry + boxHeight + 2 * LOOP_MARGIN_PX);
  return {
    width,
    height,
    boxWidth,
    boxHeight,
    charsPerLine,
    bodyLinesMax,
    centre: { x: width / 2, y: height / 2 },
    rx,
    ry,
  };
}

/** Where each role sits on the ellipse, as an angle in radians (screen y grows downward). */
const ROLE_ANGLE_RAD: Readonly<Record<LoopNodeRole, number>> = {
  'my-move': -Math.PI / 2,
  'your-reading': 0,
  'your-move': Math.PI / 2,
  'my-reading': Math.PI,
};

function pointOnLoop(layout: LoopLayout, angle: number): LoopPoint {
  return {
    x: layout.centre.x + layout.rx * Math.cos(angle),
    y: layout.centre.y + layout.ry * Math.sin(angle),
  };
}

function nodeAt(layout: LoopLayout, words: NodeWords): LoopNode {
  const centre = pointOnLoop(layout, ROLE_ANGLE_RAD[words.role]);
  const box = {
    x: round1(centre.x - layout.boxWidth / 2),
    y: round1(centre.y - layout.boxHeight / 2),
    width: layout.boxWidth,
    height: layout.boxHeight,
  };
  const heading = labelWrap(words.person.name, {
    maxCharsPerLine: layout.charsPerLine,
    maxLines: 1,
  });
  const body = labelWrap(words.body, {
    maxCharsPerLine: layout.charsPerLine,
    maxLines: layout.bodyLinesMax,
  });
  // Centre the heading and body together vertically in the box.
  const lineCount = 1 + body.lines.length;
  const firstBaseline =
    centre.y - ((lineCount - 1) * LOOP_LINE_HEIGHT_PX) / 2 + LOOP_FONT_SIZE_PX * 0.35;
  const line = (text: string, index: number): LoopTextLine => ({
    text,
    x: round1(centre.x),
    y: round1(firstBaseline + index * LOOP_LINE_HEIGHT_PX),
  });
  return {
    role: words.role,
    personId: words.person.personId,
    heading: line(heading.lines[0] ?? '', 0),
    bodyLines: body.lines.map((text, index) => line(text, index + 1)),
    truncated: heading.truncated || body.truncated,
    fullText: words.sentence,
    centre: { x: round1(centre.x), y: round1(centre.y) },
    box,
  };
}

/** Whether a point lies inside a node's box grown by the arrow gap. */
function insideGrownBox(layout: LoopLayout, role: LoopNodeRole, point: LoopPoint): boolean {
  const centre = pointOnLoop(layout, ROLE_ANGLE_RAD[role]);
  return (
    Math.abs(point.x - centre.x) <= layout.boxWidth / 2 + LOOP_ARROW_GAP_PX &&
    Math.abs(point.y - centre.y) <= layout.boxHeight / 2 + LOOP_ARROW_GAP_PX
  );
}

/**
 * The angle between `inside` and `outside` where the loop leaves a box. Within one quarter of
 * the ellipse the distance from the box centre only grows, so halving the interval converges.
 */
function boxEdgeAngle(
  layout: LoopLayout,
  role: LoopNodeRole,
  inside: number,
  outside: number,
): number {
  let [a, b] = [inside, outside];
  for (let step = 0; step < 40; step += 1) {
    const middle = (a + b) / 2;
    if (insideGrownBox(layout, role, pointOnLoop(layout, middle))) a = middle;
    else b = middle;
  }
  return b;
}

const formatPoint = (point: LoopPoint): string => `${round1(point.x)} ${round1(point.y)}`;

function arrowBetween(layout: LoopLayout, from: LoopNodeRole, to: LoopNodeRole): LoopArrow {
  const fromAngle = ROLE_ANGLE_RAD[from];
  const toAngle = fromAngle + Math.PI / 2;
  const startAngle = boxEdgeAngle(layout, from, fromAngle, toAngle);
  const endAngle = boxEdgeAngle(layout, to, toAngle, fromAngle);
  const start = pointOnLoop(layout, startAngle);
  const tip = pointOnLoop(layout, endAngle);
  // The tangent of the ellipse where the arc ends, pointing the way the loop turns.
  const tangent = { x: -layout.rx * Math.sin(endAngle), y: layout.ry * Math.cos(endAngle) };
  const tangentLength = Math.hypot(tangent.x, tangent.y);
  const along = { x: tangent.x / tangentLength, y: tangent.y / tangentLength };
  const base = {
    x: tip.x - along.x * LOOP_ARROWHEAD_PX.length,
    y: tip.y - along.y * LOOP_ARROWHEAD_PX.length,
  };
  const side = {
    x: -along.y * LOOP_ARROWHEAD_PX.halfWidth,
    y: along.x * LOOP_ARROWHEAD_PX.halfWidth,
  };
  const head = [
    tip,
    { x: base.x + side.x, y: base.y + side.y },
    { x: base.x - side.x, y: base.y - side.y },
  ]
    .map((point) => `${round1(point.x)},${round1(point.y)}`)
    .join(' ');
  return {
    from,
    to,
    path: `M ${formatPoint(start)} A ${round1(layout.rx)} ${round1(layout.ry)} 0 0 1 ${formatPoint(tip)}`,
    head,
    headAngleDeg: round1((Math.atan2(along.y, along.x) * 180) / Math.PI),
  };
}

/** A step as a sentence: a full stop added unless the person's own words already end one. */
function asSentence(text: string): string {
  return /[.!?…]”?$/.test(text) ? text : `${text}.`;
}

/** The loop for two people, drawn for `me`: my move at the top, then clockwise. */
export function cycleLoopDiagram(input: LoopDiagramInput): LoopDiagram {
  const { me, you } = input;
  const layout = loopLayout(input.widthPx);
  const pattern = cyclePatternOf(me, you);
  const words = nodeWordsFor(pattern, me, you);
  const nodes = words.map((node) => nodeAt(layout, node));
  const arrows = LOOP_NODE_ROLES.map((role, index) =>
    arrowBetween(layout, role, LOOP_NODE_ROLES[(index + 1) % LOOP_NODE_ROLES.length] ?? 'my-move'),
  );
  const steps = words.map((node, index) =>
    asSentence(index === 0 ? node.sentence : `Then ${node.sentence}`),
  );
  return {
    width: layout.width,
    height: layout.height,
    viewBox: `0 0 ${String(layout.width)} ${String(layout.height)}`,
    fontSizePx: LOOP_FONT_SIZE_PX,
    nodes,
    arrows,
    title: `The loop between ${me.name} and ${you.name}`,
    description: [
      'A loop of four steps that leads back to its start.',
      ...steps,
      `And round again, back to ${me.name}.`,
    ].join(' '),
  };
}
