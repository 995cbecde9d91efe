/**
 * A 0–10 answer as eleven radio buttons with gentle words at three points: anchors, never labels.
 * Arrow keys move along it as with any radio group, and the answer can be left out.
 */

/** What the scale shows and does. */
export interface ScaleChoiceProps {
  /** Unique on the page: names the radio group and its ids. */
  readonly name: string;
  readonly legend: string;
  readonly anchors: Readonly<Record<0 | 5 | 10, string>>;
  readonly value: number | null;
  readonly onChange: (value: number | null) => void;
  /** The words on the button that takes the number out again. */
  readonly clearLabel: string;
}

const POINTS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** The scale. */
export function ScaleChoice(props: ScaleChoiceProps) {
  const anchorsId = `${props.name}-anchors`;
  return (
    <fieldset class="scale-choice" aria-describedby={anchorsId}>
      <legend>{props.legend}</legend>
      <ul class="scale-anchors" id={anchorsId}>
        <li>0: {props.anchors[0]}</li>
        <li>5: {props.anchors[5]}</li>
        <li>10: {props.anchors[10]}</li>
      </ul>
      <div class="scale-points">
        {POINTS.map((point) => (
          <label class="scale-point" key={point}>
            <input
              type="radio"
              name={props.name}
              value={String(point)}
              checked={props.value === point}
              onChange={() => {
                props.onChange(point);
              }}
            />
            <span>{point}</span>
          </label>
        ))}
      </div>
      {props.value !== null && (
        <button
          type="button"
          class="quiet scale-clear"
          onClick={() => {
            props.onChange(null);
          }}
        >
          {props.clearLabel}
        </button>
      )}
    </fieldset>
  );
}
