/**
 * `/learn`: short cards on the ideas behind Attune, each with a picture, its title and its first
 * line, in the order a newcomer might read them (yourself first, then together), and the worked
 * example of a cycle map beside them.
 */
import { LEARN_CARD_LIST } from '../../core/learn/index.ts';
import { linkClick } from '../router.ts';
import { LearnIcon } from './learn-icon.tsx';
import { CYCLE_EXAMPLE_PATH, learnCardPath } from './learn-routes.ts';
import { learnTeaser } from './learn-teaser.ts';
import './learn.css';

/** The screen. */
export default function LearnScreen() {
  return (
    <section class="screen learn" aria-labelledby="learn-title">
      <h1 id="learn-title">Learn</h1>
      <p>
        Short reads on the ideas behind Attune. Each takes about a minute and ends with one small
        thing to try. Read them in any order, or not at all.
      </p>
      <ul class="learn-list">
        {LEARN_CARD_LIST.map((card) => {
          const path = learnCardPath(card.id);
          return (
            <li key={card.id}>
              <a
                class="card learn-tile"
                href={path}
                onClick={(event) => {
                  linkClick(event, path);
                }}
              >
                <LearnIcon cardId={card.id} />
                <span>
                  <strong class="learn-tile-title">{card.title}</strong>
                  <span class="learn-tile-teaser">{learnTeaser(card.body)}</span>
                </span>
              </a>
            </li>
          );
        })}
        <li>
          <a
            class="card learn-tile learn-tile-example"
            href={CYCLE_EXAMPLE_PATH}
            onClick={(event) => {
              linkClick(event, CYCLE_EXAMPLE_PATH);
            }}
          >
            <LearnIcon cardId="example" />
            <span>
              <strong class="learn-tile-title">A worked example: Noor and Eli</strong>
              <span class="learn-tile-teaser">
                See how two people map the loop they get caught in, step by step.
              </span>
            </span>
          </a>
        </li>
      </ul>
      <p class="hint">
        Attune is a practice space, not therapy. If something here stirs up a lot, “Need help now?”
        is always at the top.
      </p>
    </section>
  );
}
