// Who to offer when the user names a speaker or a stance holder: the officials of the article first
// (most mentioned first), then the rest of the workspace; and the engine's own speaker for a passage.
import type { DocumentAnalysis, Entity, OfficialMention } from '../analysis/types';

export function peopleFor(officials: readonly OfficialMention[], entities: readonly Entity[]): { inArticle: Entity[]; inWorkspace: Entity[] } {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const counts = new Map<string, number>();
  for (const o of officials) counts.set(o.entityId, (counts.get(o.entityId) ?? 0) + 1);
  const inArticle = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([id]) => byId.get(id))
    .filter((e): e is Entity => !!e);
  const inWorkspace = entities.filter((e) => !counts.has(e.id)).sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
  return { inArticle, inWorkspace };
}

/** The speaker the engine gives a quote or claim overlapping the range (quotes first: they are the tighter span). */
export function speakerAt(analysis: DocumentAnalysis | undefined, range: { start: number; end: number }): { name: string; entityId: string | null } | null {
  if (!analysis) return null;
  const hit = [...analysis.quotes, ...analysis.claims].find((s) => s.speaker && s.start < range.end && range.start < s.end);
  return hit?.speaker ? { name: hit.speaker, entityId: hit.speakerEntityId } : null;
}
