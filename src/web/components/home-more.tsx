/**
 * "When you want more": quiet ways from home to the rest of Attune (the people you practise
 * with, reflections, progress, and the ideas behind it all), placed after starting with yourself
 * and practising together, so home keeps its first job: how are you, right now?
 */
import type { ComponentChildren } from 'preact';
import { linkClick } from '../router.ts';
import './home-more.css';

/** One way onward: where, its name, a few words, and its picture. */
interface Onward {
  readonly path: string;
  readonly name: string;
  readonly words: string;
  readonly picture: ComponentChildren;
}

const LINE = {
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': 2.2,
  'stroke-linecap': 'round',
  'stroke-linejoin': 'round',
} as const;

const ONWARDS: readonly Onward[] = [
  {
    path: '/us',
    name: 'Between us',
    words: 'Map the loop you get caught in, and repair after a hard moment.',
    picture: (
      <>
        <circle {...LINE} cx="11" cy="12" r="7" />
        <circle {...LINE} cx="21" cy="12" r="7" />
      </>
    ),
  },
  {
    path: '/reflect',
    name: 'Reflect',
    words: 'A few questions to come back to, at your own pace.',
    picture: <path {...LINE} d="M6 5h20v14H14l-6 5v-5H6z" />,
  },
  {
    path: '/progress',
    name: 'Your progress',
    words: 'How things have moved over time, without scores.',
    picture: <path {...LINE} d="M4 20c4 0 5-6 9-6s4 3 7 3 5-9 8-11" />,
  },
  {
    path: '/consultations',
    name: 'Consultations',
    words: 'Time with a practitioner, booked when it suits you both.',
    picture: <path {...LINE} d="M6 7h20v16H6zM6 12h20M11 4v5M21 4v5" />,
  },
  {
    path: '/learn',
    name: 'Learn',
    words: 'Short reads on the ideas behind Attune.',
    picture: (
      <path
        {...LINE}
        d="M16 7c-3-2-7-2-11-1v14c4-1 8-1 11 1 3-2 7-2 11-1V6c-4-1-8-1-11 1zm0 0v14"
      />
    ),
  },
];

/** The section. */
export function HomeMore() {
  return (
    <nav class="home-section home-more" aria-labelledby="home-more-heading">
      <h2 id="home-more-heading">When you want more</h2>
      <ul class="home-more-list">
        {ONWARDS.map((onward) => (
          <li key={onward.path}>
            <a
              class="home-more-link"
              href={onward.path}
              onClick={(event) => {
                linkClick(event, onward.path);
              }}
            >
              <svg viewBox="0 0 32 26" width="32" height="26" aria-hidden="true" focusable="false">
                {onward.picture}
              </svg>
              <span>
                <span class="home-more-name">{onward.name}</span>
                <span class="home-more-words">{onward.words}</span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
