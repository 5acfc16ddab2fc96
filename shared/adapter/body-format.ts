import type { ProblemLog } from './problem-log.js';

export type BodyFormat = 'form' | 'json';

/**
 * How to read a POST body. Kazoo always labels its bodies; anything unlabelled or
 * labelled otherwise (a proxy, a test tool) is sniffed: `{` first means JSON.
 */
export function chooseBodyFormat(
  contentType: string | null,
  bodyText: string,
  problems: ProblemLog,
): BodyFormat {
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (mediaType === 'application/x-www-form-urlencoded') return 'form';
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return 'json';

  const sniffed: BodyFormat = bodyText.trimStart().startsWith('{') ? 'json' : 'form';
  const label =
    mediaType === '' ? 'no content type' : `content type ${JSON.stringify(mediaType.slice(0, 60))}`;
  problems.add(`body: ${label}, read as ${sniffed}`);
  return sniffed;
}
