/**
 * A small, mirrored preview of the front camera with the oval the face goes in. It shows the
 * sensor's own video element (one video, not two), and says plainly that the video stays here.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { FACE_GUIDE } from './face-guide.ts';

const percent = (fraction: number) => `${(fraction * 100).toFixed(2)}%`;

/** The preview of `video` (the camera sensor's), or nothing while there is none. */
export function CameraPreview(props: { video: HTMLVideoElement | null }) {
  const { video } = props;
  const holder = useRef<HTMLDivElement>(null);
  const [aspect, setAspect] = useState('4 / 3');

  useLayoutEffect(() => {
    const box = holder.current;
    if (box === null || video === null) return undefined;
    const sizeFollow = () => {
      if (video.videoWidth > 0 && video.videoHeight > 0) setAspect(`${video.videoWidth} / ${video.videoHeight}`);
    };
    sizeFollow();
    video.addEventListener('resize', sizeFollow);
    video.classList.add('camera-preview-video');
    box.prepend(video);
    // Moving a playing video in the page can pause it; carry on.
    void video.play().catch(() => undefined);
    return () => {
      video.removeEventListener('resize', sizeFollow);
      if (video.parentElement === box) video.remove();
    };
  }, [video]);

  if (video === null) return null;
  return (
    <figure class="camera-preview">
      <div class="camera-preview-frame" ref={holder} style={{ aspectRatio: aspect }}>
        <div
          class="camera-preview-guide"
          aria-hidden="true"
          style={{
            left: percent(FACE_GUIDE.centerX - FACE_GUIDE.radiusX),
            top: percent(FACE_GUIDE.centerY - FACE_GUIDE.radiusY),
            width: percent(2 * FACE_GUIDE.radiusX),
            height: percent(2 * FACE_GUIDE.radiusY),
          }}
        />
      </div>
      <figcaption class="hint">
        Fit your face inside the oval, in soft even light. The video stays on this device; Attune only uses the number.
      </figcaption>
    </figure>
  );
}
