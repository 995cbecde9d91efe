/**
 * A gentle prompt on the home screen, when the person has turned prompts on and one is due: one
 * short invitation, a way to act on it, and "Not now". It never mentions a gap, a count or a
 * streak, and when there is nothing to offer (or no identity yet, or no connection) it shows
 * nothing at all. Mount on home with `<PromptCard />`.
 */
import { useEffect, useState } from 'preact/hooks';
import { AppLink } from '../components/app-link.tsx';
import { promptDismiss, promptNextFetch, type OfferedPrompt } from './prompts-api.ts';
import './prompt-card.css';

/** Where each kind of prompt invites the person to go. A check-in prompt needs no link: home's own check-in is right there. */
const PROMPT_ACTIONS: Readonly<Record<string, { href: string; label: string } | undefined>> = {
  practice: { href: '/practice/paced-breathing', label: 'Try a short practice' },
  reflection: { href: '/reflect', label: 'Go to Reflect' },
  relationship: { href: '/us', label: 'Go to Between us' },
};

/** The card, or nothing. */
export function PromptCard() {
  const [prompt, setPrompt] = useState<OfferedPrompt | null>(null);
  const [setAside, setSetAside] = useState(false);

  useEffect(() => {
    let alive = true;
    promptNextFetch().then(
      (offered) => {
        if (alive) setPrompt(offered);
      },
      () => {
        // No identity yet, or offline: a prompt is never worth an error message.
      },
    );
    return () => {
      alive = false;
    };
  }, []);

  if (setAside) {
    return (
      <p class="prompt-set-aside hint" role="status">
        Set aside. Prompts can be changed or turned off in <AppLink href="/settings/prompts">prompt settings</AppLink>.
      </p>
    );
  }
  if (prompt === null) return null;
  const action = PROMPT_ACTIONS[prompt.theme];
  return (
    <aside class="card prompt-card" aria-labelledby="prompt-card-heading">
      <h2 id="prompt-card-heading">A gentle prompt</h2>
      <p class="prompt-card-text">{prompt.text}</p>
      <div class="button-row">
        {action !== undefined && (
          <AppLink class="button secondary" href={action.href}>
            {action.label}
          </AppLink>
        )}
        <button
          type="button"
          class="quiet"
          onClick={() => {
            setSetAside(true);
            promptDismiss(prompt.promptId).catch(() => {
              // Setting a prompt aside is only ever a kindness; if it does not reach the server, it simply is not offered here again now.
            });
          }}
        >
          Not now
        </button>
      </div>
      <p class="hint">
        Optional, always. <AppLink href="/settings/prompts">Prompt settings</AppLink>
      </p>
    </aside>
  );
}
