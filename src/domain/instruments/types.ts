/**
 * Screening instruments as data (docs/instruments.md). A definition
 * holds everything a person sees and everything the scorer needs; the scorer in scoring.ts reads
 * only the definition and the answers.
 */
export const INSTRUMENT_IDS = ['phq9', 'phq2', 'gad7', 'gad2', 'who5', 'srq20', 'k10', 'k6', 'pss10', 'cbi'] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

export function isInstrumentId(value: string): value is InstrumentId {
  return (INSTRUMENT_IDS as readonly string[]).includes(value);
}

/** Text in both languages; Indonesian is what people read first. */
export interface Text {
  id: string;
  en: string;
}

export interface AnswerOption {
  /** The numeric value printed on the form; stored as is (docs/instruments.md R0.1). */
  value: number;
  label: Text;
  /** LOINC answer code, where docs/instruments.md gives one. */
  loinc?: string;
}

export interface Item {
  /** 1-based, as on the published form. */
  number: number;
  text: Text;
  options: readonly AnswerOption[];
  /** Scored as (max + min − value), e.g. PSS-10 items 4, 5, 7, 8 and CBI item 13. */
  reverse?: boolean;
  /** Sub-scale the item belongs to (PSS-10 and CBI). */
  subscale?: string;
  /** No incomplete form may leave this item out (PHQ-9 item 9): a missing answer is an error. */
  required?: boolean;
  /** A self-harm item: any answer at or above `crisisAt` triggers the crisis pathway (docs/instruments.md §11). */
  crisisAt?: number;
  /**
   * K10 skip-out: when item `whenItem` has value `equals`, this item is not asked and, if left
   * unanswered, is scored `scoreAs`.
   */
  skip?: { whenItem: number; equals: number; scoreAs: number };
  /** Part of a block that is asked only when it applies (the CBI client scale). */
  optionalBlock?: string;
  loinc?: string;
}

export interface Band {
  code: string;
  /** Inclusive lower edge (docs/instruments.md R0.3: the lower edge belongs to the higher band). */
  min: number;
  /** Inclusive upper edge for integer sums; for means the next band's min is exclusive. */
  max: number;
  label: Text;
}

/** Where the Indonesian wording comes from (SPEC: "mark a translation as such"). */
export interface TranslationNote {
  kind: 'published' | 'careful_translation';
  source: string;
}

export interface InstrumentDefinition {
  id: InstrumentId;
  version: string;
  name: Text;
  abbreviation: string;
  /** What it measures, in a sentence a person understands. */
  measures: Text;
  /** The stem read before the items, with the recall period. */
  instructions: Text;
  recall: Text | null;
  minutes: number;
  items: readonly Item[];
  scoring: 'sum' | 'cbi';
  totalRange: { min: number; max: number } | null;
  bands: readonly Band[];
  /** Short description of how the total is computed, for the instrument page. */
  scoringNote: Text;
  /** Bands are heuristic (PSS-10): shown as "indikasi" with a norm note. */
  bandsAreIndicative?: boolean;
  translation: TranslationNote;
  source: string;
  licence: string;
  loinc?: { panel: string; total?: string };
}

/** One answer: the numeric option value as printed, or null for unanswered. */
export type Answer = number | null;

export interface SubscaleResult {
  score: number;
  band: 'low' | 'high';
  band4: 'low' | 'moderate' | 'high' | 'severe';
}

/** The result object of docs/instruments.md §15. Optional keys appear only for the instruments they belong to. */
export interface ScoreResult {
  instrumentId: InstrumentId;
  total: number | null;
  band: string | null;
  crisis: boolean;
  percent?: number | null;
  bandAbs?: string | null;
  flags?: { anyItem0Or1: boolean };
  subscales?: Record<string, SubscaleResult | null>;
}

export type AnswerProblemCode = 'not_a_list' | 'wrong_length' | 'not_a_number' | 'not_an_option' | 'required';

/** Why the answers cannot be scored; `item` is 1-based, null when the list itself is wrong. */
export interface AnswerProblem {
  item: number | null;
  code: AnswerProblemCode;
  /** e.g. the expected length, or the allowed values. */
  params: Record<string, unknown>;
}

export type ScoreOutcome = { ok: true; result: ScoreResult } | { ok: false; problems: AnswerProblem[] };
