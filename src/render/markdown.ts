/** Briefs as Markdown: headline, cited summary with corroboration, disagreements, sources with coverage. */

import { sourceName } from '../brief/source-name.js';
import type { Brief } from '../model.js';
import {
  citationMarks,
  corroborationLabel,
  coverageLabel,
  disagreementSide,
  entityLabel,
  quoteParts,
  refsOf,
  sourcesLabel,
} from './labels.js';

export function renderBriefMarkdown(brief: Brief): string {
  const lines = [
    `# ${brief.headline}`,
    '',
    `_${sourcesLabel(brief)} · ${brief.words} words_`,
    '',
    '## Summary',
    '',
  ];
  const fresh = new Set(brief.update?.newSummary ?? []);
  brief.summary.forEach((s, i) => {
    const backed = s.corroboration ? ` _(${corroborationLabel(s.corroboration)})_` : '';
    const mark = fresh.has(i) ? '**new** ' : '';
    lines.push(`- ${mark}${s.text} ${citationMarks(s.citations.map((c) => c.ref))}${backed}`);
  });
  if (!brief.summary.length) lines.push('_No sentence fits the word budget._');
  if (brief.update) lines.push('', ...updateLines(brief));
  if (brief.timeline?.length) {
    lines.push('', '## Timeline', '');
    for (const e of brief.timeline)
      lines.push(`- **${e.date}** ${e.text} ${citationMarks(refsOf(brief, e.articleIds))}`);
  }
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
  if (brief.quotes?.length) {
    lines.push('', '## Quotes', '');
    for (const q of brief.quotes) {
      const { speaker, said } = quoteParts(q);
      const cue = q.cue ? ` (${q.cue.text})` : '';
      lines.push(
        `- **${speaker}**${cue}: ${said} ${citationMarks(refsOf(brief, q.articleId ? [q.articleId] : []))}`,
      );
    }
  }
  if (brief.entities?.length) {
    lines.push('', '## Entities', '');
    for (const e of brief.entities) lines.push(`- **${e.name}** (${entityLabel(e)})`);
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

function updateLines(brief: Brief): string[] {
  const u = brief.update!;
  const out = [`## New since ${u.since}`, ''];
  if (u.newStory) out.push('- A new story: every source is new.');
  const claim = new Map((brief.claims ?? []).map((c) => [c.id, c]));
  if (u.newSources.length) out.push(`- New sources: ${citationMarks(u.newSources)}`);
  for (const id of u.newClaims)
    out.push(
      `- New fact: ${claim.get(id)?.text} ${citationMarks(refsOf(brief, claim.get(id)?.articleIds ?? []))}`,
    );
  for (const id of u.newlyCorroborated) {
    const c = claim.get(id);
    if (c) out.push(`- Now backed by ${corroborationLabel(c.corroboration)}: ${c.text}`);
  }
  for (const i of u.newDisagreements) out.push(`- New disagreement: ${brief.disagreements?.[i]?.about}`);
  if (out.length === 2) out.push(`_Nothing new since ${u.since}._`);
  return out;
}

export function renderMarkdown(briefs: Brief[]): string {
  return `${briefs.map(renderBriefMarkdown).join('\n\n---\n\n')}\n`;
}
