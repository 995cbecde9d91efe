import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { sideWithMoves, twoPeopleArb } from './cycle-arbitraries.test-support.ts';
import type { CyclePerson } from './cycle-description.ts';
import {
  LOOP_ARROW_GAP_PX,
  LOOP_BOX_PADDING_PX,
  LOOP_CHAR_WIDTH_EM,
  LOOP_FONT_SIZE_PX,
  LOOP_NODE_ROLES,
  LOOP_WIDTH_RANGE_PX,
  cycleLoopDiagram,
  type LoopDiagram,
  type LoopNode,
  type LoopPoint,
} from './cycle-loop-geometry.ts';
import { labelLength } from './label-wrap.ts';

const noor: CyclePerson = {
  personId: 'noor',
  name: 'Noor',
  side: {
    ...sideWithMoves(['criticising', 'getting-louder', 'pushing-for-an-answer'], {
      storyAboutOther: 'Your job matters more to you than I do.',
    }),
    moves: {
      picked: ['criticising', 'getting-louder', 'pushing-for-an-answer'],
      own: [{ text: 'Listing every late night this month', lean: 'toward' }],
    },
  },
};
const eli: CyclePerson = {
  personId: 'eli',
  name: 'Eli',
  side: sideWithMoves(['going-quiet'], { storyAboutOther: '' }),
};

/** The two end points of an arc path "M x y A rx ry 0 0 1 x y". */
function arcEnds(path: string): [LoopPoint, LoopPoint] {
  const match = /^M (-?[\d.]+) (-?[\d.]+) A [\d.]+ [\d.]+ 0 0 1 (-?[\d.]+) (-?[\d.]+)$/.exec(path);
  assert.ok(match, path);
  const [, x0, y0, x1, y1] = match.map(Number);
  return [
    { x: x0 ?? NaN, y: y0 ?? NaN },
    { x: x1 ?? NaN, y: y1 ?? NaN },
  ];
}

function nodeOf(diagram: LoopDiagram, role: string): LoopNode {
  const node = diagram.nodes.find((candidate) => candidate.role === role);
  assert.ok(node, role);
  return node;
}

/** Whether a point sits clear of a box, allowing for rounding. */
function clearOf(node: LoopNode, point: LoopPoint): boolean {
  const { box } = node;
  const gap = LOOP_ARROW_GAP_PX - 0.5;
  return (
    point.x < box.x - gap ||
    point.x > box.x + box.width + gap ||
    point.y < box.y - gap ||
    point.y > box.y + box.height + gap
  );
}

function overlap(a: LoopNode, b: LoopNode): boolean {
  return (
    a.box.x < b.box.x + b.box.width &&
    b.box.x < a.box.x + a.box.width &&
    a.box.y < b.box.y + b.box.height &&
    b.box.y < a.box.y + a.box.height
  );
}

/** Every geometric promise the web layer relies on. */
function assertWellFormed(diagram: LoopDiagram): void {
  assert.equal(diagram.viewBox, `0 0 ${String(diagram.width)} ${String(diagram.height)}`);
  assert.deepEqual(
    diagram.nodes.map((node) => node.role),
    [...LOOP_NODE_ROLES],
  );
  for (const node of diagram.nodes) {
    const { box } = node;
    assert.ok(
      box.x >= 0 &&
        box.y >= 0 &&
        box.x + box.width <= diagram.width &&
        box.y + box.height <= diagram.height,
      `${node.role} inside`,
    );
    for (const line of [node.heading, ...node.bodyLines]) {
      const estimatedWidth = labelLength(line.text) * LOOP_FONT_SIZE_PX * LOOP_CHAR_WIDTH_EM;
      assert.ok(
        estimatedWidth <= box.width - 2 * LOOP_BOX_PADDING_PX,
        `${node.role}: "${line.text}" fits`,
      );
      assert.ok(
        line.y > box.y && line.y < box.y + box.height,
        `${node.role}: "${line.text}" sits in its box`,
      );
    }
  }
  for (const [index, a] of diagram.nodes.entries()) {
    for (const b of diagram.nodes.slice(index + 1))
      assert.ok(!overlap(a, b), `${a.role} and ${b.role} apart`);
  }
  const centre = { x: diagram.width / 2, y: diagram.height / 2 };
  for (const arrow of diagram.arrows) {
    const [start, end] = arcEnds(arrow.path);
    assert.ok(
      clearOf(nodeOf(diagram, arrow.from), start),
      `${arrow.from} arrow starts clear of its box`,
    );
    assert.ok(clearOf(nodeOf(diagram, arrow.to), end), `${arrow.to} arrow ends clear of its box`);
    for (const node of diagram.nodes)
      assert.ok(
        clearOf(node, start) && clearOf(node, end),
        'arrows never start or end inside a box',
      );
    // Clockwise on screen (y grows downward): the turn from start to end is positive.
    const cross =
      (start.x - centre.x) * (end.y - centre.y) - (start.y - centre.y) * (end.x - centre.x);
    assert.ok(cross > 0, `${arrow.from} → ${arrow.to} turns clockwise`);
    assert.equal(arrow.head.split(' ').length, 3);
  }
}

void describe('cycleLoopDiagram', () => {
  void test('draws my move at the top, then how you read it, your move, and how I read it, clockwise', () => {
    const diagram = cycleLoopDiagram({ me: noor, you: eli, widthPx: 480 });
    assert.deepEqual(
      diagram.nodes.map((node) => [node.role, node.personId]),
      [
        ['my-move', 'noor'],
        ['your-reading', 'eli'],
        ['your-move', 'eli'],
        ['my-reading', 'noor'],
      ],
    );
    const [top, right, bottom, left] = diagram.nodes.map((node) => node.centre);
    assert.ok(top && right && bottom && left);
    assert.ok(top.y < right.y && right.x > bottom.x && bottom.y > left.y && left.x < top.x);
    assert.deepEqual(
      diagram.arrows.map((arrow) => `${arrow.from}>${arrow.to}`),
      [
        'my-move>your-reading',
        'your-reading>your-move',
        'your-move>my-reading',
        'my-reading>my-move',
      ],
    );
    assertWellFormed(diagram);
  });

  void test('shortens long labels at a word and keeps the full text for the description', () => {
    const diagram = cycleLoopDiagram({ me: noor, you: eli, widthPx: LOOP_WIDTH_RANGE_PX.min });
    const move = nodeOf(diagram, 'my-move');
    assert.equal(move.truncated, true);
    assert.ok(move.bodyLines.at(-1)?.text.endsWith('…'));
    assert.equal(
      move.fullText,
      'Noor criticises, gets louder, pushes for an answer, “Listing every late night this month”',
    );
    for (const node of diagram.nodes)
      assert.ok(diagram.description.includes(node.fullText), node.role);
    assert.match(
      diagram.description,
      /^A loop of four steps that leads back to its start\. Noor criticises/,
    );
    assert.match(
      diagram.description,
      /Then Eli left this part open\. Then Eli goes quiet\. Then Noor hears “Your job matters more to you than I do\.” And round again, back to Noor\.$/,
    );
  });

  void test('clamps the width to what it can draw well', () => {
    assert.equal(
      cycleLoopDiagram({ me: noor, you: eli, widthPx: 100 }).width,
      LOOP_WIDTH_RANGE_PX.min,
    );
    assert.equal(
      cycleLoopDiagram({ me: noor, you: eli, widthPx: Number.NaN }).width,
      LOOP_WIDTH_RANGE_PX.min,
    );
    assert.equal(
      cycleLoopDiagram({ me: noor, you: eli, widthPx: 5000 }).width,
      LOOP_WIDTH_RANGE_PX.max,
    );
  });

  void test('holds together at any width and for any two sides', () => {
    fc.assert(
      fc.property(twoPeopleArb(), fc.integer({ min: 200, max: 1200 }), ([me, you], widthPx) => {
        assertWellFormed(cycleLoopDiagram({ me, you, widthPx }));
      }),
    );
  });
});
