import { ENTITY_FIELDS } from '../../shared/sync/entity-fields';
import type { WireMutation } from '../../shared/sync/protocol';

// The server checks the types of the fields it knows of each entity (shared/sync/entity-fields.ts), so a broken
// client cannot poison every other device's data. Unknown fields pass: a newer client may add one first.

/** Fields the server owns: a client never sets them. */
const SERVER_FIELDS = ['version'];

/** Why a mutation cannot be applied (shape is fine, content is not), or undefined when it is valid. */
export function invalidReason(m: WireMutation): string | undefined {
  for (const field of SERVER_FIELDS) {
    if (field in m.changes) return `field "${field}" is assigned by the server and cannot be changed`;
  }
  if ('id' in m.changes && m.changes['id'] !== m.entityId) {
    return `field "id" (${JSON.stringify(m.changes['id'])}) does not match entityId "${m.entityId}"`;
  }
  if (m.op === 'delete' && m.changes['deleted'] === false) return 'a delete cannot set "deleted" to false';
  const parsed = ENTITY_FIELDS[m.entity].safeParse(m.changes);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue ? issue.path.map(String).join('.') : '?';
    return `field "${path}": ${issue?.message ?? 'invalid value'}`;
  }
  return undefined;
}
