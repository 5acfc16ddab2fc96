// Slack reads incoming-webhook text as mrkdwn: `<...>` makes links and mentions (`<!channel>`,
// `<@U123>`), `*_~\`` format, `:name:` makes emoji, and bare URLs, domains and emails become links.
// There is no escape character, so caller-controlled text is rewritten into look-alikes Slack
// leaves alone, and invisible characters that could reorder or hide text are dropped.
// Default_Ignorable_Code_Point covers the bidi controls, zero-width characters and fillers.
const INVISIBLE = /[\p{Cc}\p{Default_Ignorable_Code_Point}]/gu;
// Look-alikes that Slack leaves alone: ∗ ＿ ∼ ˋ for formatting, ∶ (no `:emoji:`, no `https://`),
// ∣ (no `<url|label>`).
const SPECIAL = '*_~`:|';
const LOOK_ALIKE = '\u2217\uff3f\u223c\u02cb\u2236\u2223';

/**
 * Caller-controlled text made inert for Slack mrkdwn: no formatting, mention, emoji or link, no
 * bidi reordering or hidden characters. Dots between letters or digits become `[.]`, the usual
 * way to write a domain that must not be clickable. At most `max` characters are kept.
 */
export function slackInert(text: string, max = 100): string {
  const visible = [...text.replace(/[\u2028\u2029\s]+/gu, ' ').replace(INVISIBLE, '').trim()];
  const cut = visible.length > max ? `${visible.slice(0, max - 1).join('')}…` : visible.join('');
  return cut
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[*_~`:|]/g, (char) => LOOK_ALIKE.charAt(SPECIAL.indexOf(char)))
    .replace(/(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, '[.]')
    .replace(/@/g, '[@]');
}
