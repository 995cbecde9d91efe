/**
 * "Need help now?": on every screen, one tap away. Opens a dialog with crisis resources the
 * operator configured, and says plainly that Attune is not an emergency service. The content is
 * fetched once and kept, so it still shows when the connection drops.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { z } from 'zod';
import { apiCall } from '../api/http.ts';
import './help.css';

const helpSchema = z.object({
  intro: z.string(),
  resources: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      phone: z.string().optional(),
      text: z.string().optional(),
      url: z.string().optional(),
    }),
  ),
});

type Help = z.output<typeof helpSchema>;

const STORAGE_KEY = 'attune.help';

/** Shown until the server's list arrives, and if it never does. */
const FALLBACK: Help = {
  intro:
    'Attune is not an emergency service and cannot send help. If you or someone with you might be in danger, please contact your local emergency number now.',
  resources: [{ name: 'Emergency services', description: 'In most of Europe dial 112; in the US and Canada 911; in the UK 999.', phone: '112' }],
};

function helpStored(): Help {
  try {
    const parsed = helpSchema.safeParse(JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : FALLBACK;
  } catch {
    return FALLBACK;
  }
}

/** The header button and its dialog. */
export function HelpButton() {
  const dialog = useRef<HTMLDialogElement>(null);
  const [help, setHelp] = useState<Help>(helpStored);

  useEffect(() => {
    apiCall('/api/help', helpSchema).then(
      (fresh) => {
        setHelp(fresh);
        localStorage.setItem(STORAGE_KEY, JSON.stringify(fresh));
      },
      () => undefined,
    );
  }, []);

  return (
    <>
      <button type="button" class="help-button" aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        Need help now?
      </button>
      <dialog ref={dialog} class="help-dialog" aria-labelledby="help-title">
        <div class="help-top">
          <h2 id="help-title">Help, right now</h2>
          <form method="dialog">
            <button type="submit" class="quiet help-close">Close</button>
          </form>
        </div>
        <p>{help.intro}</p>
        <ul class="help-list">
          {help.resources.map((resource) => (
            <li key={resource.name}>
              <strong>{resource.name}</strong>
              {resource.description && <span class="hint"> {resource.description}</span>}
              <span class="help-actions">
                {resource.phone !== undefined && (
                  <a class="button" href={`tel:${resource.phone.replace(/\s+/g, '')}`}>Call {resource.phone}</a>
                )}
                {resource.text !== undefined && (
                  <a class="button secondary" href={`sms:${resource.text.replace(/\s+/g, '')}`}>Text {resource.text}</a>
                )}
                {resource.url !== undefined && (
                  <a class="button secondary" href={resource.url} target="_blank" rel="noopener noreferrer">Open website</a>
                )}
              </span>
            </li>
          ))}
        </ul>
        <p class="hint">Attune is a practice space. It does not replace care from a professional.</p>
      </dialog>
    </>
  );
}
