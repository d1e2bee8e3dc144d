/**
 * The plain-English check for editors: advice on one text, never a block on saving. Pure.
 *
 * Built on the retext family (unified's natural-language tools): `retext-english` splits the text
 * into sentences and words, `retext-readability` judges each sentence's reading age by seven
 * formulas (Dale-Chall, Automated Readability, Coleman-Liau, Flesch, Gunning fog, SMOG,
 * Spache-Harris) and `nlcst-search` finds words and phrases whatever their case. They are kept by
 * the unified collective, work offline and in Node, and give positions we can point editors to.
 * What GOV.UK advises is our part:
 * - reading age: GOV.UK writes for a reading age of about 9; a kinship offer has to name legal
 *   orders and allowances, so the default flags a sentence only when 6 of the 7 formulas put it
 *   above 12 (config plainEnglish.readingAge);
 * - sentences of more than 25 words (GOV.UK's "Writing for GOV.UK": "Keep sentences to 25 words
 *   or fewer");
 * - words GOV.UK's style guide asks writers to avoid ("Words to avoid"), with a plainer word;
 * - abbreviations not spelled out at their first use in the text (GOV.UK's style guide,
 *   "Abbreviations and acronyms"), from a list a council can extend (config
 *   plainEnglish.abbreviations).
 */
import type { PlainEnglishIssue } from '../../../shared/admin-api';
import { search } from 'nlcst-search';
import { toString } from 'nlcst-to-string';
import retextEnglish from 'retext-english';
import retextReadability from 'retext-readability';
import { unified } from 'unified';
import { VFile } from 'vfile';

export type { PlainEnglishIssue };

export interface PlainEnglishOptions {
  /** The reading age sentences should not be above (years). */
  readingAge: number;
  /** The most words a sentence should have. */
  maxSentenceWords: number;
  /** Abbreviations to spell out at first use: { SGO: 'special guardianship order' }. */
  abbreviations: Record<string, string>;
}

/**
 * Words and phrases GOV.UK's style guide asks writers to avoid, with what to write instead. Left
 * out: those it allows in some senses that a kinship offer uses ("foster" of children, "deliver"
 * of services, "key", "focus", "promote" contact, "impact", "progress", "land").
 */
export const WORDS_TO_AVOID: Record<string, string> = {
  advancing: 'say what you are doing: improving, helping',
  agenda: 'plan (unless it is a meeting\'s)',
  collaborate: 'work with',
  combat: 'stop, reduce',
  commit: 'say what you will do',
  countering: 'stop, answer',
  deploy: 'use, put in place',
  dialogue: 'talk, meeting',
  disincentivise: 'discourage',
  'drive out': 'stop, end',
  empower: 'let, help',
  facilitate: 'help, run',
  'going forward': 'from now on, in future',
  incentivise: 'encourage',
  initiate: 'start',
  leverage: 'use',
  liaise: 'work with, talk to',
  'one-stop shop': 'say what it is: one place to get help',
  overarching: 'main, general',
  pledge: 'say what you will do',
  'ring fencing': 'keep for, set aside',
  robust: 'strong, thorough',
  'slimming down': 'cutting, making smaller',
  streamline: 'simplify',
  strengthening: 'improving',
  tackling: 'stopping, dealing with',
  transforming: 'changing, improving',
  utilise: 'use',
  utilize: 'use',
};

/** The abbreviations a kinship offer often uses, with what they stand for. */
export const DEFAULT_ABBREVIATIONS: Record<string, string> = {
  SGO: 'special guardianship order',
  CAO: 'child arrangements order',
  FGDM: 'family group decision making',
  FGC: 'family group conference',
  'Reg 24': 'regulation 24 (temporary approval of a relative or friend as a foster carer)',
  LAC: 'looked after children',
  CLA: 'children looked after',
  EHCP: 'education, health and care plan',
  PEP: 'personal education plan',
  SEND: 'special educational needs and disabilities',
  SGSA: 'special guardianship support allowance',
  ASGSF: 'Adoption and Special Guardianship Support Fund',
};

type Node = { type: string; value?: string; children?: Node[]; position?: { start: { offset?: number }; end: { offset?: number } } };

const processor = unified().use(retextEnglish);
/**
 * Six of the seven formulas must agree; sentences under eight words are not judged (the formulas
 * count syllables and words per sentence, and a title such as "Housing advice for kinship
 * families" reads as hard on too few words to say).
 */
const readability = (age: number) => unified().use(retextEnglish).use(retextReadability, { age, threshold: 6 / 7, minWords: 8 });

const where = (nodes: Node | Node[]) => {
  const list = Array.isArray(nodes) ? nodes : [nodes];
  return { start: list[0].position?.start.offset ?? 0, end: list.at(-1)!.position?.end.offset ?? 0 };
};

function sentencesOf(tree: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node) => (node.type === 'SentenceNode' ? found.push(node) : node.children?.forEach(visit));
  visit(tree);
  return found;
}

/** What to improve in `text`, in reading order. */
export function checkPlainEnglish(text: string, options: PlainEnglishOptions): PlainEnglishIssue[] {
  if (!text.trim()) return [];
  const tree = processor.parse(text) as Node;
  const issues: PlainEnglishIssue[] = [];

  const file = new VFile(text);
  const judge = readability(options.readingAge);
  judge.runSync(judge.parse(text), file);
  for (const message of file.messages) {
    const start = message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0;
    const end = message.place && 'end' in message.place ? (message.place.end.offset ?? start) : start;
    issues.push({
      rule: 'reading-age',
      start,
      end,
      excerpt: text.slice(start, end),
      message: `Hard to read: above a reading age of ${options.readingAge}. Use shorter words, or split the sentence.`,
    });
  }

  for (const sentence of sentencesOf(tree)) {
    const words = (sentence.children ?? []).filter((node) => node.type === 'WordNode').length;
    if (words > options.maxSentenceWords) {
      const at = where(sentence);
      issues.push({ rule: 'sentence-length', ...at, excerpt: text.slice(at.start, at.end), message: `This sentence has ${words} words: keep sentences to ${options.maxSentenceWords} words or fewer.` });
    }
  }

  search(tree as any, Object.keys(WORDS_TO_AVOID), (nodes: any, _index: any, _parent: any, phrase: string) => {
    const at = where(nodes);
    issues.push({ rule: 'words-to-avoid', ...at, excerpt: text.slice(at.start, at.end), message: `GOV.UK advises against "${phrase}": write ${WORDS_TO_AVOID[phrase]}.`, suggestion: WORDS_TO_AVOID[phrase] });
  });

  for (const [abbreviation, meaning] of Object.entries(options.abbreviations)) {
    const uses: Node[][] = [];
    search(tree as any, [abbreviation], (nodes: any) => {
      // Whole words in the same case only: "pep" in "a pep talk" is not a PEP.
      if (toString(nodes).replace(/\s+/g, ' ') === abbreviation) uses.push(nodes);
    });
    if (!uses.length) continue;
    const first = where(uses.sort((a, b) => where(a).start - where(b).start)[0]);
    const before = text.slice(0, first.start);
    const spelledOut =
      /\(\s*$/.test(before) || // "special guardianship order (SGO)"
      /^\s*\(/.test(text.slice(first.end)) || // "SGO (special guardianship order)"
      before.toLowerCase().includes(meaning.toLowerCase());
    if (!spelledOut) {
      issues.push({
        rule: 'abbreviation',
        ...first,
        excerpt: abbreviation,
        message: `Spell out "${abbreviation}" the first time: write ${meaning} (${abbreviation}).`,
        suggestion: `${meaning} (${abbreviation})`,
      });
    }
  }

  return issues.sort((a, b) => a.start - b.start || a.rule.localeCompare(b.rule));
}
