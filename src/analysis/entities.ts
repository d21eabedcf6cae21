import type { Entity, OfficialMention } from './types';

/**
 * Links the officials of several documents: every document-local entity id maps to one corpus entity.
 */
export function linkEntities(perDocument: OfficialMention[][]): { entities: Entity[]; byLocalId: Map<string, Entity> } {
  const byLocalId = new Map<string, Entity>();
  for (const mentions of perDocument) {
    for (const m of mentions) {
      let entity = byLocalId.get(m.entityId);
      if (!entity) {
        entity = { id: m.entityId, name: m.name, title: m.title, country: m.country, mentions: 0 };
        byLocalId.set(m.entityId, entity);
      }
      entity.mentions++;
    }
  }
  return { entities: [...new Set(byLocalId.values())], byLocalId };
}
