"""Word lists behind the language checks: written-out tables, one per cue family.

Each entry is ``(pattern, label)``: a case-insensitive regular expression matched on word
boundaries, and the plain name shown to the user. The lists are deliberately short: a cue is a
reason to ask a question, so a word that is usually innocent (``all``, ``may``) stays out unless a
pattern pins down the suspicious use. Add a word only with a test that shows it firing and one
that shows an innocent sentence staying quiet.
"""

from __future__ import annotations

Lexicon = tuple[tuple[str, str], ...]

# Attacks on the arguer rather than the argument: hypocrisy, tu quoque, motives, insults.
AD_HOMINEM: Lexicon = (
    (r"hypocrit\w*", "hypocrisy"),
    (r"double standards?", "hypocrisy"),
    (r"practi[cs]e what (?:they|he|she|you) preach", "hypocrisy"),
    (r"tu quoque", "tu quoque"),
    (r"look who'?s talking", "tu quoque"),
    (r"(?:you|they|he|she) (?:did|do|does) (?:it|the same) too", "tu quoque"),
    (r"in the pocket of", "motive"),
    (r"shills?\b", "motive"),
    (r"bought and paid for", "motive"),
    (r"(?:of course|naturally) (?:they|he|she) would say", "motive"),
    (r"what do you expect from", "motive"),
    (r"can(?:no|')t be trusted", "character"),
    (r"liars?\b", "insult"),
    (r"idiots?\b", "insult"),
    (r"morons?\b", "insult"),
    (r"clowns?\b", "insult"),
)

# Emotive or loaded wording: words that judge while they describe.
LOADED: Lexicon = (
    (r"outrageous(?:ly)?", "outrage"),
    (r"disgrace(?:ful)?", "outrage"),
    (r"shameful(?:ly)?|shameless(?:ly)?", "outrage"),
    (r"scandal(?:ous)?", "outrage"),
    (r"appalling", "outrage"),
    (r"disgusting", "outrage"),
    (r"ridiculous|absurd|ludicrous|laughable", "ridicule"),
    (r"pathetic", "ridicule"),
    (r"so-called", "scare quote"),
    (r"radicals?\b|extremists?\b|fanatics?\b", "label"),
    (r"regime\b", "label"),
    (r"propaganda", "label"),
    (r"thugs?\b", "label"),
    (r"elitist\w*", "label"),
    (r"catastroph(?:e|ic)|disastrous", "alarm"),
    (r"evil\b", "moral judgement"),
    (r"corrupt(?:ion|ed)?\b", "moral judgement"),
    (r"greed(?:y)?\b", "moral judgement"),
    (r"betray(?:al|ed|s)?\b", "moral judgement"),
)

# Absolutes: claims with no room for an exception.
ABSOLUTES: Lexicon = (
    (r"always", "always"),
    (r"never", "never"),
    (r"every(?:one|body)", "everyone"),
    (r"no(?:body| one)", "no one"),
    (r"without (?:any )?exception", "without exception"),
    (r"(?:undeniabl|unquestionabl|indisputabl)[ey]", "beyond question"),
    (r"(?:100|a hundred) per ?cent", "100 percent"),
    (r"impossible", "impossible"),
    (
        r"(?:all|every) (?:single )?(?:\w+ )?"
        r"(?:people|citizens|voters|students|politicians|men|women|children)",
        "all of a group",
    ),
)

# Hedges: words that soften a claim. A hedged premise cannot carry a flat conclusion.
HEDGES: Lexicon = (
    (r"may|might|could", "may"),
    (r"perhaps|possibly|maybe", "perhaps"),
    (r"probably|likely|presumably", "probably"),
    (r"it seems|seems to|appears to", "seems"),
    (r"arguably", "arguably"),
)

# Future tense stated flatly: a prediction.
PREDICTION: Lexicon = (
    (r"will(?! have)\s+(?:\w+ly\s+)?\w+", "will"),
    (r"won'?t|will not", "will not"),
    (r"(?:is|are|am)\s+going\s+to", "going to"),
    (r"in the (?:near )?future", "in the future"),
    (r"(?:sooner or later|before long|one day)", "sooner or later"),
)

# Modals that make a future claim normative or hypothetical ("should in the future", "would lead"),
# and the first person's "I will" (an intention, not a forecast).
NOT_A_FORECAST: Lexicon = (
    (r"should|would|must|ought to|shall", "modal"),
    (r"i will|i'll|i am going to|i'm going to", "intention"),
)

# A future or causal verb inside these clauses is not the author's flat prediction.
NOT_ASSERTED_BEFORE = r"(?:what|whether|if|when|unless|who|which|how|whoever|wonder)"

# Reported speech: the claim belongs to someone the author quotes.
REPORTED: Lexicon = (
    (r"(?:they|he|she|people|critics|some) (?:say|says|said|claim|claims|argue|argues)", "reported"),
    (r"according to", "reported"),
)

# Chains of consequences that end somewhere dire.
SLIPPERY_SLOPE: Lexicon = (
    (r"slippery slope", "slippery slope"),
    (r"thin end of the wedge", "thin end of the wedge"),
    (r"open(?:s|ing)? the (?:flood ?gates|door to)", "opens the floodgates"),
    (r"pave(?:s)? the way (?:to|for)", "paves the way"),
    (r"next thing you know|before (?:we|you) know it", "before you know it"),
    (r"where (?:will|does) it (?:all )?(?:end|stop)", "where will it end"),
)

# Links in a causal chain; two or more in one claim suggest a slope.
CHAIN_LINKS: Lexicon = (
    (r"(?:will|would|could) (?:\w+ )?(?:lead|leads) to", "will lead to"),
    (r"(?:leads?|led) to", "leads to"),
    (r"(?:will|would) (?:then |eventually |soon )?result in", "will result in"),
    (r"(?:and )?(?:then|eventually|ultimately|in turn)\b", "then"),
)

# Appeals to what many people believe, want or do.
POPULARITY: Lexicon = (
    (
        r"(?:every(?:one|body)|most (?:people|americans|voters|citizens|experts)|the (?:vast )?majority"
        r"(?: of \w+)?|millions(?: of \w+)?|nobody|no one) (?:\w+ )?"
        r"(?:knows?|agrees?|thinks?|believes?|wants?|accepts?|supports?)",
        "what most people think",
    ),
    (r"widely (?:believed|accepted|held|known)", "widely believed"),
    (r"common (?:knowledge|sense)", "common sense"),
    (r"(?:the )?polls? (?:show|say)", "the polls"),
    (r"popular (?:opinion|demand|view)", "popular opinion"),
)

# Only two options offered.
DILEMMA: Lexicon = (
    (r"either\b[^.?!;]{3,120}?\bor\b", "either ... or"),
    (r"the only (?:alternative|option|choice|way)", "the only option"),
    (r"(?:there is|there's|we have) no (?:other )?(?:alternative|choice|option)", "no alternative"),
    (r"(?:only|just) two (?:options|choices|ways)", "only two options"),
    (r"(?:you're|you are) (?:either )?with us or against us", "with us or against us"),
)

# Claims about causes.
CAUSAL: Lexicon = (
    (r"caus(?:e|es|ed|ing)\b", "causes"),
    (r"(?:leads?|led) to", "leads to"),
    (r"result(?:s|ed)? in", "results in"),
    (r"(?:is|are|was|were) (?:\w+ )?(?:due to|because of)", "because of"),
    (r"responsible for", "responsible for"),
    (r"(?:allow|enabl)(?:s|ed)\b", "allowed"),
    (r"(?:increas|reduc|rais|lower|boost|cut)(?:es|ed|s) (?:the )?\w+", "raises / lowers"),
    (r"thanks to", "thanks to"),
)

# Generalising words: a claim about a whole class.
GENERAL: Lexicon = (
    (r"all\b|every\b|always|never|everyone|everybody|nobody|no one", "all / never"),
    (r"in general|generally|typically|as a rule", "in general"),
    (r"most\b", "most"),
)

# Words that introduce a single case.
EXAMPLE: Lexicon = (
    (r"for (?:example|instance)|e\.g\.", "for example"),
    (r"take the (?:case|example) of", "take the case of"),
    (r"(?:a friend|my (?:friend|neighbou?r|cousin|brother|sister)) (?:of mine )?", "someone I know"),
    (r"i (?:once|know a|knew a|met a)", "someone I know"),
    (r"just look at", "just look at"),
)
