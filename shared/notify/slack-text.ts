// Slack reads incoming-webhook text as mrkdwn: `<...>` makes links and mentions (`<!channel>`,
// `<@U123>`), `*_~\`` format, `:name:` makes emoji, and bare URLs, domains and emails become links.
// There is no escape character, so caller-controlled text is rewritten into look-alikes Slack
// leaves alone, and invisible characters that could reorder or hide text are dropped.
const INVISIBLE = /[\p{Cc}\p{Default_Ignorable_Code_Point}\p{Bidi_Control}]/gu;
const FORMATTING: Readonly<Record<string, string>> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\uff3f', // ＿ fullwidth low line
  '~': '\u223c', // ∼ tilde operator
  '`': '\u02cb', // ˋ modifier letter grave accent
  ':': '\u2236', // ∶ ratio: no `:emoji:` and no `https://` scheme
  '|': '\u2223', // ∣ divides: no `<url|label>` even if brackets got through
};

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
    .replace(/[*_~`:|]/g, (char) => FORMATTING[char] ?? char)
    .replace(/(?<=[\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, '[.]')
    .replace(/@/g, '[@]');
}
