import { authorize, type Actor } from '../../../shared/auth/roles';
import { searchTerms } from '../../../shared/search/fold';
import type { Command } from './registry';

/** The commands the signed-in role may use (nothing when nobody is signed in). */
export function allowedCommands(commands: readonly Command[], actor: Actor | null): Command[] {
  if (!actor) return [];
  return commands.filter((c) => c.needs === undefined || authorize(actor, c.needs).ok);
}

/** Labels and keywords folded like the query's terms but keeping their spaces ('log out'). */
const norm = (s: string) => s.normalize('NFKC').toLowerCase();

// Lower is better: a label that starts with the term, a label containing it, a keyword that is it, starts with it, contains it.
function termScore(term: string, labels: readonly string[], keywords: readonly string[]): number | null {
  if (labels.some((l) => l.startsWith(term))) return 0;
  if (labels.some((l) => l.includes(term))) return 1;
  if (keywords.includes(term)) return 2;
  if (keywords.some((k) => k.startsWith(term))) return 3;
  if (keywords.some((k) => k.includes(term))) return 4;
  return null;
}

/**
 * The commands matching `query` for this role, best first: every whitespace-separated term must be found in a label
 * (either language, from `labels`) or a keyword; label hits rank before keyword hits, whole keywords before prefixes before substrings, ties
 * keep the registry's order. An empty query lists everything allowed in registry order.
 */
export function matchCommands(
  commands: readonly Command[], query: string, actor: Actor | null, labels: (c: Command) => readonly string[],
): Command[] {
  const allowed = allowedCommands(commands, actor);
  const terms = searchTerms(query);
  if (terms.length === 0) return allowed;
  const scored: { readonly command: Command; readonly score: number; readonly index: number }[] = [];
  allowed.forEach((command, index) => {
    const ls = labels(command).map(norm);
    const ks = command.keywords.map(norm);
    let score = 0;
    for (const term of terms) {
      const s = termScore(term, ls, ks);
      if (s === null) return;
      score += s;
    }
    scored.push({ command, score, index });
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).map((x) => x.command);
}
