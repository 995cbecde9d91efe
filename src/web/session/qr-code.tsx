/**
 * A QR code for the invite link, drawn as one inline SVG path from the module matrix, so no
 * image URL (and no looser CSP) is needed.
 */
import qrcode from 'qrcode-generator';
import { useMemo } from 'preact/hooks';

/** The path data for the dark modules of `text`, and the size of the matrix. */
export function qrPath(text: string): { path: string; size: number } {
  const code = qrcode(0, 'M');
  code.addData(text);
  code.make();
  const size = code.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      if (code.isDark(row, col)) parts.push(`M${col} ${row}h1v1h-1z`);
    }
  }
  return { path: parts.join(''), size };
}

/** The QR code itself, with a quiet zone of four modules. */
export function QrCode(props: { readonly text: string; readonly label: string }) {
  const { path, size } = useMemo(() => qrPath(props.text), [props.text]);
  const quiet = 4;
  const box = size + quiet * 2;
  return (
    <svg
      class="qr-code"
      viewBox={`${-quiet} ${-quiet} ${box} ${box}`}
      role="img"
      aria-label={props.label}
      shape-rendering="crispEdges"
    >
      <rect x={-quiet} y={-quiet} width={box} height={box} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
