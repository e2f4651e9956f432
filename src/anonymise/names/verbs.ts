// Base-form verbs that follow a modal in chronology notes ('Will review', 'May need', 'Can be seen'): not a name.
import nlp from 'compromise';
import { tagsOf as lexiconTags } from './lexicon.js';

const BASE_VERBS = new Set([
  'be', 'have', 'do', 'need', 'call', 'ring', 'phone', 'telephone', 'text', 'email', 'write', 'review', 'see', 'seen',
  'contact', 'discuss', 'arrange', 'attend', 'refer', 'consider', 'continue', 'update', 'chase', 'liaise', 'monitor',
  'visit', 'speak', 'book', 'send', 'check', 'follow', 'say', 'go', 'take', 'make', 'give', 'get', 'try', 'look',
  'ask', 'advise', 'inform', 'request', 'complete', 'offer', 'provide', 'support', 'assess', 'escalate', 'share',
  'notify', 'confirm', 'agree', 'invite', 'remain', 'stay', 'come', 'return', 'collect', 'drop', 'bring', 'help',
  'allocate', 'close', 'open', 'record', 'note', 'log', 'add', 'start', 'stop', 'increase', 'reduce', 'change',
  'prescribe', 'repeat', 'recheck', 'rebook', 'reschedule', 'feed', 'back', 'feedback', 'not', 'also', 'still',
  'now', 'then', 'only', 'possibly', 'probably', 'need', 'require', 'want', 'wish', 'like', 'benefit', 'apply',
  'move', 'leave', 'live', 'use', 'keep', 'pass', 'place', 'put', 'report', 'tell', 'explain', 'decide', 'plan',
  'meet', 'present', 'happen', 'occur', 'cause', 'affect', 'show', 'include', 'involve', 'indicate', 'suggest',
  'you', 'i', 'we', 'she', 'he', 'they', 'it', 'this', 'that', 'there', 'someone', 'somebody', 'anyone',
]);

/** A lower-case word that reads as the base form of a verb (or a pronoun or adverb) after a modal. */
export function baseVerb(word: string): boolean {
  return BASE_VERBS.has(word) || lexiconTags(word).includes('Infinitive');
}

/** compromise's tags for a word alone, kept per word (a bounded memory). */
const tagMemo = new Map<string, readonly string[]>();
function tagsOf(word: string): readonly string[] {
  let tags = tagMemo.get(word);
  if (!tags) {
    tags = (nlp(word).json() as { terms?: { tags?: string[] }[] }[])[0]?.terms?.[0]?.tags ?? [];
    if (tagMemo.size < 20_000) tagMemo.set(word, tags);
  }
  return tags;
}

/** A plural noun ('leaders', 'workers'), not a verb in -s ('says', 'attends'). */
export function pluralNoun(word: string): boolean {
  if (!/[^s]s$/u.test(word)) return false;
  const tags = tagsOf(word);
  return tags.includes('Plural') && !tags.includes('Verb');
}

/** A noun or an adjective, not a verb. */
export function nounLike(word: string): boolean {
  const tags = tagsOf(word);
  return (tags.includes('Noun') || tags.includes('Adjective')) && !tags.includes('Verb');
}
