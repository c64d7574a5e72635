/** Briefs as Markdown: headline, cited summary with corroboration, disagreements, sources with coverage. */
import type { Brief } from '../model.js';
import { citationMarks, corroborationLabel, coverageLabel, disagreementSide, sourceName } from './labels.js';

export function renderBriefMarkdown(brief: Brief): string {
  const lines = [
    `# ${brief.headline}`,
    '',
    `_${brief.sources.length} source${brief.sources.length === 1 ? '' : 's'} · ${brief.words} words_`,
    '',
    '## Summary',
    '',
  ];
  for (const s of brief.summary) {
    const backed = s.corroboration ? ` _(${corroborationLabel(s.corroboration)})_` : '';
    lines.push(`- ${s.text} ${citationMarks(s.citations.map((c) => c.ref))}${backed}`);
  }
  if (!brief.summary.length) lines.push('_No sentence fits the word budget._');
  if (brief.disagreements?.length) {
    lines.push('', '## Disagreements', '');
    for (const d of brief.disagreements) {
      const sides = d.values.map((v) => {
        const side = disagreementSide(brief, v);
        return `${side.text} ${citationMarks(side.refs)}`;
      });
      lines.push(`- **${d.about}**: ${sides.join(' vs ')}`);
    }
  }
  lines.push('', '## Sources', '');
  const coverage = new Map((brief.coverage ?? []).flatMap((c) => c.articleIds.map((id) => [id, c])));
  for (const s of brief.sources) {
    const date = s.published ? ` (${s.published.slice(0, 10)})` : '';
    const cov = coverage.get(s.articleId);
    const carried = cov ? ` · ${coverageLabel(cov)}` : '';
    lines.push(`${s.ref}. **${sourceName(s)}**: ${s.title}${date}${s.url ? ` <${s.url}>` : ''}${carried}`);
  }
  return lines.join('\n');
}

export function renderMarkdown(briefs: Brief[]): string {
  return `${briefs.map(renderBriefMarkdown).join('\n\n---\n\n')}\n`;
}
