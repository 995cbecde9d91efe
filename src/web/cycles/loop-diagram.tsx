/**
 * The cycle drawn as a loop: four boxes and four arrows, laid out by core (`cycleLoopDiagram`)
 * for the width the drawing has on this screen. The picture has a title and a description with
 * every step in full; a box shortened to fit keeps its full text as a tooltip; and the same steps
 * are listed in words right under the picture for anyone who would rather read them.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { cycleLoopDiagram, type CyclePerson } from '../../core/cycles/index.ts';

/** The width drawn before the screen has been measured: a phone's. */
const FIRST_WIDTH_PX = 340;

/** The width of `element`, kept up to date as the screen turns or resizes. */
function useWidth(element: { readonly current: HTMLElement | null }): number {
  const [width, setWidth] = useState(FIRST_WIDTH_PX);
  useEffect(() => {
    const target = element.current;
    if (target === null) return;
    const measure = () => {
      const measured = Math.floor(target.getBoundingClientRect().width);
      if (measured > 0) setWidth(measured);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(target);
    return () => {
      observer.disconnect();
    };
  }, [element]);
  return width;
}

/** The loop for `me` (at the top) and `you`. */
export function LoopDiagram(props: { readonly me: CyclePerson; readonly you: CyclePerson }) {
  const { me, you } = props;
  const frame = useRef<HTMLDivElement>(null);
  const width = useWidth(frame);
  const diagram = useMemo(() => cycleLoopDiagram({ me, you, widthPx: width }), [me, you, width]);
  const id = useId();
  const titleId = `${id}-title`;
  const descId = `${id}-desc`;
  return (
    <figure class="loop-figure">
      <div class="loop-frame" ref={frame}>
        <svg
          class="loop-diagram"
          width={diagram.width}
          height={diagram.height}
          viewBox={diagram.viewBox}
          role="img"
          aria-labelledby={titleId}
          aria-describedby={descId}
          font-size={diagram.fontSizePx}
        >
          <title id={titleId}>{diagram.title}</title>
          <desc id={descId}>{diagram.description}</desc>
          {diagram.arrows.map((arrow) => (
            <g class="loop-arrow" key={`${arrow.from}-${arrow.to}`}>
              <path d={arrow.path} fill="none" />
              <polygon points={arrow.head} />
            </g>
          ))}
          {diagram.nodes.map((node) => (
            <g
              class={`loop-node tone-${node.personId === me.personId ? 'first' : 'second'}`}
              key={node.role}
            >
              {node.truncated && <title>{node.fullText}</title>}
              <rect
                x={node.box.x}
                y={node.box.y}
                width={node.box.width}
                height={node.box.height}
                rx="12"
              />
              <text
                class="loop-node-heading"
                x={node.heading.x}
                y={node.heading.y}
                text-anchor="middle"
              >
                {node.heading.text}
              </text>
              {node.bodyLines.map((line, index) => (
                <text key={index} x={line.x} y={line.y} text-anchor="middle">
                  {line.text}
                </text>
              ))}
            </g>
          ))}
        </svg>
      </div>
      <figcaption>
        <details class="loop-in-words">
          <summary>The loop in words</summary>
          <ol>
            {diagram.nodes.map((node) => (
              <li key={node.role}>{node.fullText}</li>
            ))}
            <li>And round again.</li>
          </ol>
        </details>
      </figcaption>
    </figure>
  );
}
