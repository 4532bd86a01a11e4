/** How the changelog checks name the operator that first updates (the plan's changelog property gives it). */
import type { UpdateOrigin } from '../../plan/properties/changelog.js';
import { spanText } from '../../plan/properties/lost-time.js';

/** `GROUP BY at 12:5`. */
export function describeOrigin(origin: UpdateOrigin | undefined): string {
  return origin === undefined ? 'an updating operator' : `${origin.operator}${spanText(origin.span)}`;
}
