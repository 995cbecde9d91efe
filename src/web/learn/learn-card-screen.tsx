/**
 * `/learn/<cardId>`: one Learn card. Its picture and title, the few short paragraphs, one thing
 * to try with a link straight to the place in the app where it can be done, and the cards it
 * connects to.
 */
import { useEffect, useRef } from 'preact/hooks';
import { learnCardById, type LearnCard } from '../../core/learn/index.ts';
import { linkClick } from '../router.ts';
import { LearnIcon } from './learn-icon.tsx';
import { LEARN_PATH, learnCardPath, learnLinkLabel, learnLinkPath } from './learn-routes.ts';
import './learn.css';

function AllCards() {
  return (
    <a
      href={LEARN_PATH}
      onClick={(event) => {
        linkClick(event, LEARN_PATH);
      }}
    >
      ← All cards
    </a>
  );
}

function CardBody(props: { readonly card: LearnCard }) {
  const { card } = props;
  const tryPath = learnLinkPath(card.tryThis.link);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // Moving between related cards keeps the page; start reading at the new title.
    heading.current?.focus();
  }, [card.id]);
  return (
    <article class="screen learn-card" aria-labelledby="learn-card-title">
      <p class="back-link">
        <AllCards />
      </p>
      <div class="learn-card-head">
        <LearnIcon cardId={card.id} size={64} />
        <h1 id="learn-card-title" tabIndex={-1} ref={heading}>
          {card.title}
        </h1>
      </div>
      {card.body.map((paragraph, index) => (
        <p key={index}>{paragraph}</p>
      ))}
      <section class="card learn-try" aria-labelledby="learn-try-title">
        <h2 id="learn-try-title">Try this</h2>
        <p>{card.tryThis.text}</p>
        <a
          class="button secondary"
          href={tryPath}
          onClick={(event) => {
            linkClick(event, tryPath);
          }}
        >
          {learnLinkLabel(card.tryThis.link)}
        </a>
      </section>
      <section aria-labelledby="learn-related-title">
        <h2 id="learn-related-title">Connected ideas</h2>
        <ul class="learn-related">
          {card.related.map((id) => {
            const related = learnCardById(id);
            if (related === undefined) return null;
            const path = learnCardPath(id);
            return (
              <li key={id}>
                <a
                  href={path}
                  onClick={(event) => {
                    linkClick(event, path);
                  }}
                >
                  <LearnIcon cardId={id} size={28} />
                  <span>{related.title}</span>
                </a>
              </li>
            );
          })}
        </ul>
      </section>
    </article>
  );
}

/** The screen; an unknown id gets a plain sentence and the way back. */
export default function LearnCardScreen(props: { cardId: string }) {
  const card = learnCardById(props.cardId);
  if (card === undefined) {
    return (
      <section class="screen" aria-labelledby="learn-missing-title">
        <h1 id="learn-missing-title">This card isn’t here</h1>
        <p>It may have moved. All the cards are on one page.</p>
        <p>
          <AllCards />
        </p>
      </section>
    );
  }
  return <CardBody card={card} />;
}
