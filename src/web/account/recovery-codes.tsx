/**
 * Recovery codes, shown this once: what they are for, the codes, a way to copy them or save them
 * as a file, and an explicit "I have saved them" before moving on. The title takes focus so a
 * screen reader starts here.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { RECOVERY_CODES_EXPLAINED, recoveryCodesFileName, recoveryCodesText } from './account-words.ts';

/** The codes and the step after. `headingLevel` fits the screen they are shown on. */
export function RecoveryCodes(props: {
  readonly codes: readonly string[];
  readonly signInName: string;
  readonly headingLevel: 1 | 2 | 3;
  readonly title: string;
  readonly onSaved: () => void;
}) {
  const [status, setStatus] = useState<string | null>(null);
  const [fileUrl, setFileUrl] = useState<string | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const text = recoveryCodesText(props.codes, props.signInName, window.location.origin, Date.now());

  useEffect(() => {
    title.current?.focus();
  }, []);
  useEffect(() => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    setFileUrl(url);
    return () => {
      URL.revokeObjectURL(url);
    };
    // Made once per set of codes; the date inside the text does not matter.
  }, [props.codes]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied. Paste them somewhere safe and private.');
    } catch {
      const selection = window.getSelection();
      if (list.current !== null && selection !== null) selection.selectAllChildren(list.current);
      setStatus('Copying did not work here, so the codes are selected: you can copy them yourself.');
    }
  };

  const Heading = `h${props.headingLevel}` as const;
  return (
    <div class="account-codes" role="group" aria-labelledby="recovery-codes-title">
      <Heading id="recovery-codes-title" tabIndex={-1} ref={title}>
        {props.title}
      </Heading>
      <p>{RECOVERY_CODES_EXPLAINED}</p>
      <p>
        <strong>They are shown only now.</strong> If they are ever lost, you can make new ones from your account page while you are
        signed in.
      </p>
      <ol class="account-code-list" aria-label="Your recovery codes" ref={list}>
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div class="button-row">
        <button type="button" class="secondary" onClick={() => void copy()}>
          Copy the codes
        </button>
        {fileUrl !== null && (
          <a
            class="button secondary"
            href={fileUrl}
            download={recoveryCodesFileName(props.signInName)}
            onClick={() => {
              setStatus('Saved as a file. Keep it somewhere only you can reach.');
            }}
          >
            Save as a file
          </a>
        )}
      </div>
      <p class="hint" aria-live="polite">
        {status ?? ''}
      </p>
      <div class="button-row">
        <button type="button" onClick={props.onSaved}>
          I have saved them
        </button>
      </div>
    </div>
  );
}
