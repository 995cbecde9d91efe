/**
 * The plan for when the cycle shows up, to read at a glance in a hard moment: the cue phrase
 * first and large, then the pause and the practice for it.
 */
import type { CyclePlan } from '../../core/cycles/index.ts';
import { durationInWords, practiceById } from '../../core/practices/index.ts';

/** The plan as a short list. */
export function PlanSummary(props: { readonly plan: CyclePlan }) {
  const { plan } = props;
  const practice = practiceById(plan.practiceId);
  return (
    <dl class="plan-summary">
      <div>
        <dt>Either of you says</dt>
        <dd class="plan-cue">
          <q>{plan.cuePhrase}</q>
        </dd>
      </div>
      <div>
        <dt>Then you pause for</dt>
        <dd>{durationInWords(plan.pauseMinutes * 60_000)}, each on your own</dd>
      </div>
      <div>
        <dt>In the pause</dt>
        <dd>{practice?.title ?? 'A practice of your choice'}</dd>
      </div>
      <div>
        <dt>Afterwards</dt>
        <dd>You come back and talk, when you both feel steadier.</dd>
      </div>
    </dl>
  );
}
