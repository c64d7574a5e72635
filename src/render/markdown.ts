/** Briefs as Markdown: headline, cited summary, numbered sources. */
import type { Brief } from '../model.js';
import { citationMarks, sourceName } from './labels.js';

export function renderBriefMarkdown(brief: Brief): string {
  const lines = [
    `# ${brief.headline}`,
    '',
    `_${brief.sources.length} source${brief.sources.length === 1 ? '' : 's'} · ${brief.words} words_`,
    '',
    '## Summary',
    '',
  ];
  for (const s of brief.summary) lines.push(`- ${s.text} ${citationMarks(s.citations.map((c) => c.ref))}`);
  if (!brief.summary.length) lines.push('_No sentence fits the word budget._');
  lines.push('', '## Sources', '');
  for (const s of brief.sources) {
    const date = s.published ? ` (${s.published.slice(0, 10)})` : '';
    lines.push(`${s.ref}. **${sourceName(s)}**: ${s.title}${date}${s.url ? ` <${s.url}>` : ''}`);
  }
  return lines.join('\n');
}

export function renderMarkdown(briefs: Brief[]): string {
  return `${briefs.map(renderBriefMarkdown).join('\n\n---\n\n')}\n`;
}
