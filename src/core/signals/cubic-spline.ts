/**
 * Natural cubic spline interpolation (second derivative zero at both ends), the classic
 * tridiagonal formulation (de Boor, "A Practical Guide to Splines", ch. IV; solved with the
 * Thomas algorithm). Equal to scipy.interpolate.CubicSpline(x, y, bc_type='natural'), which the
 * tests check against. Written in-house because the signal core resamples RR series onto an even
 * 4 Hz grid for spectral HRV and has no spline dependency. Evaluation outside [x0, xn] continues
 * the end polynomials, as scipy's extrapolate=True does.
 */

/** A fitted natural cubic spline: knots and, per knot, the second derivative. */
export interface NaturalCubicSpline {
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Second derivative at each knot (0 at both ends). */
  readonly secondDerivative: Float64Array;
}

/** Fits a natural cubic spline through (x, y); x strictly increasing, at least two knots. */
export function naturalCubicSpline(x: ArrayLike<number>, y: ArrayLike<number>): NaturalCubicSpline {
  const n = x.length;
  if (n !== y.length) throw new RangeError('naturalCubicSpline: x and y differ in length');
  if (n < 2) throw new RangeError('naturalCubicSpline: needs at least two knots');
  const xs = Float64Array.from(x);
  const ys = Float64Array.from(y);
  for (let index = 1; index < n; index += 1) {
    if (!((xs[index] ?? 0) > (xs[index - 1] ?? 0)))
      throw new RangeError('naturalCubicSpline: x must be strictly increasing');
  }
  const m = new Float64Array(n);
  if (n > 2) {
    // Interior equations h[i-1]·M[i-1] + 2(h[i-1]+h[i])·M[i] + h[i]·M[i+1] = 6·(slope[i] − slope[i-1]).
    const diagonal = new Float64Array(n);
    const rhs = new Float64Array(n);
    for (let index = 1; index < n - 1; index += 1) {
      const hLeft = (xs[index] ?? 0) - (xs[index - 1] ?? 0);
      const hRight = (xs[index + 1] ?? 0) - (xs[index] ?? 0);
      diagonal[index] = 2 * (hLeft + hRight);
      rhs[index] =
        6 *
        (((ys[index + 1] ?? 0) - (ys[index] ?? 0)) / hRight -
          ((ys[index] ?? 0) - (ys[index - 1] ?? 0)) / hLeft);
    }
    // Forward elimination (sub- and super-diagonal are the interval widths).
    for (let index = 2; index < n - 1; index += 1) {
      const h = (xs[index] ?? 0) - (xs[index - 1] ?? 0);
      const factor = h / (diagonal[index - 1] ?? 0);
      diagonal[index] = (diagonal[index] ?? 0) - factor * h;
      rhs[index] = (rhs[index] ?? 0) - factor * (rhs[index - 1] ?? 0);
    }
    for (let index = n - 2; index >= 1; index -= 1) {
      const hRight = (xs[index + 1] ?? 0) - (xs[index] ?? 0);
      m[index] = ((rhs[index] ?? 0) - hRight * (m[index + 1] ?? 0)) / (diagonal[index] ?? 0);
    }
  }
  return { x: xs, y: ys, secondDerivative: m };
}

/** Evaluates the spline at each point of `at` (fastest when `at` is sorted ascending). */
export function cubicSplineEvaluate(
  spline: NaturalCubicSpline,
  at: ArrayLike<number>,
): Float64Array {
  const { x, y, secondDerivative: m } = spline;
  const last = x.length - 2;
  const out = new Float64Array(at.length);
  let segment = 0;
  for (let index = 0; index < at.length; index += 1) {
    const t = at[index] ?? 0;
    // Walk from the previous segment: O(1) amortised for sorted input, still correct otherwise.
    while (segment > 0 && t < (x[segment] ?? 0)) segment -= 1;
    while (segment < last && t >= (x[segment + 1] ?? 0)) segment += 1;
    const x0 = x[segment] ?? 0;
    const h = (x[segment + 1] ?? 0) - x0;
    const a = ((x[segment + 1] ?? 0) - t) / h;
    const b = (t - x0) / h;
    out[index] =
      a * (y[segment] ?? 0) +
      b * (y[segment + 1] ?? 0) +
      (((a * a * a - a) * (m[segment] ?? 0) + (b * b * b - b) * (m[segment + 1] ?? 0)) * h * h) / 6;
  }
  return out;
}
