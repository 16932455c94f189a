/** The heading of the justification table in docs/security.md. */
export const JUSTIFICATION_HEADING: string;
/** Electronegativity's severities, lowest first. */
export const SEVERITIES: readonly Severity[];
/** The file of a finding that belongs to the whole application. */
export const WHOLE_APP: string;

export type Severity = 'INFORMATIONAL' | 'LOW' | 'MEDIUM' | 'HIGH';

/** One electronegativity finding, with its file relative to the repository (or WHOLE_APP). */
export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly confidence: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly description: string;
  readonly manualReview: boolean;
}

/** One row of the justification table. */
export interface Justification {
  readonly rule: string;
  readonly file: string;
  readonly reason: string;
  /** Line in the document, for messages. */
  readonly line: number;
}

/** How the findings of one run stand against the justifications. */
export interface Judgement {
  readonly informational: readonly Finding[];
  readonly justified: readonly Finding[];
  readonly unjustified: readonly Finding[];
  readonly unused: readonly Justification[];
  readonly ok: boolean;
}

/** The justification rows of docs/security.md; throws on a malformed row or a missing section. */
export function parseJustifications(markdown: string): Justification[];
/** Sorts findings into informational, justified and unjustified, and finds unused justifications. */
export function judgeFindings(findings: readonly Finding[], justifications: readonly Justification[]): Judgement;
