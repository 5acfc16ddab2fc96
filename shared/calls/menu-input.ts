import type { PivotRequest } from '../adapter/index.js';
import { MENU_COLLECTION } from './menu.js';

// collect_dtmf and <Gather> both stop at `#` and leave it out; a legacy plain Digits may still carry it.
const TERMINATOR = '#';

/**
 * The menu key the caller pressed, or undefined for no input. Our collection (`Digits[menu]`)
 * wins; then `Digits[default]` (a collect_dtmf without a name); then a plain `Digits` (legacy
 * Pivot, and TwiML `<Gather>`). Everything from the first `#` on is dropped, as Kazoo does.
 */
export function pressedKey(request: PivotRequest): string | undefined {
  const collections = request.digitCollections;
  const digits = collections[MENU_COLLECTION] ?? collections['default'] ?? request.digits ?? '';
  const choice = digits.trim().split(TERMINATOR)[0] ?? '';
  return choice === '' ? undefined : choice;
}

/** The `attempt` we handed out (0 first); a missing or mangled one counts as the first attempt. */
export function menuAttempt(raw: string | undefined): number {
  return raw !== undefined && /^\d{1,3}$/.test(raw) ? Number(raw) : 0;
}
