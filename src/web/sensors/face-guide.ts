/**
 * Where the face should be for the camera pulse: an upright oval in the middle of the frame.
 * One definition for both the oval drawn over the preview and the region the worker averages,
 * kept in a file of its own so the preview can use it without loading the signal maths.
 */

/** The oval's centre and radii, as fractions of the (unmirrored) frame's width and height. */
export const FACE_GUIDE = { centerX: 0.5, centerY: 0.47, radiusX: 0.21, radiusY: 0.36 } as const;
