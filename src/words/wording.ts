// The words of findings and reasons: a risk's message, the reasons of its grades, its rule's title, in one
// language. Built once per model, rules and language by the view builders, which are the only callers.
import { SHARED_REASONS } from '../../models/grades.js';
import type { Message, MessageData } from '../../models/message.js';
import type { Model } from '../../models/model.js';
import type { Reason } from '../../models/risk.js';
import type { RuleMeta } from '../../models/rule.js';
import type { Lang } from '../../models/vocabulary.js';
import { namesOf, say, type Names, type Table } from './messages.js';

export interface Wording {
  readonly lang: Lang;
  readonly names: Names;
  /** The rule of that id (a built-in rule or a user's). */
  rule(id: string): RuleMeta;
  /** One of a rule's messages, with its data, in words. */
  message(rule: string, messageId: string, data: MessageData): string;
  /** A score's reason, in words: the rule's own message, or a shared one. */
  reason(rule: string, reason: Reason): string;
  /** A message of a table other than a rule's (the checklist's, a view's), with its data; its clauses come from `table`. */
  say(message: Message, data?: MessageData, table?: Table): string;
}

export function wording(model: Model, rules: readonly RuleMeta[], lang: Lang): Wording {
  const names = namesOf(model);
  const byId = new Map(rules.map((r) => [r.id, r]));
  const rule = (id: string): RuleMeta => {
    const found = byId.get(id);
    if (!found) throw new Error(`no rule "${id}" to word its findings`);
    return found;
  };
  const shared: Readonly<Record<string, Message>> = SHARED_REASONS;
  const lookup = (ruleId: string, id: string, sharedToo: boolean): Message => {
    const found = rule(ruleId).messages[id] ?? (sharedToo ? shared[id] : undefined);
    if (!found) throw new Error(`rule "${ruleId}" has no message "${id}"`);
    return found;
  };
  const clauses = (ruleId: string) => (id: string): Message | undefined => rule(ruleId).messages[id];
  return {
    lang,
    names,
    rule,
    message: (ruleId, messageId, data) => say(lookup(ruleId, messageId, false), data, lang, names, clauses(ruleId)),
    reason: (ruleId, reason) => say(lookup(ruleId, reason.code, true), reason.data, lang, names, clauses(ruleId)),
    say: (message, data = {}, table) => say(message, data, lang, names, table),
  };
}
