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
    (r"(?:sooner or later|before long|(?<!the )(?<!only )one day)", "sooner or later"),  # not "the one day"
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
    (
        r"(?:some|others|critics|opponents|many)(?: \w+)? (?:will |would |may |might )?"
        r"(?:say|argue|claim|insist|object|worry|complain)",
        "reported",
    ),
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

# Vague or anonymous sources: an attribution that names no one a reader could look up. The same
# verbs after a definite, named body ("the county recorded") are a source; see SOURCE_NAMED.
VAGUE_SOURCE: Lexicon = (
    (
        r"(?:studies|research|surveys|reports|polls|scientists|experts|economists|doctors|researchers)"
        r" (?:\w+ )?(?:show|shows|showed|suggest|suggests|say|says|agree|warn|found|find|prove|have shown)",
        "studies show",
    ),
    (
        r"(?:a|one|another|some|several|many|recent|new) (?:\w+ ){0,2}"
        r"(?:review|report|study|survey|poll|analysis|audit|paper|trial|trials|studies)"
        r"(?: \w+){0,3} (?:found|finds|showed|shows|suggests|suggested|concluded|revealed)",
        "a review found",
    ),
    (r"the (?:trials|studies|experience|evidence) (?:in|from|of) other \w+", "elsewhere"),
    (
        r"(?:critics|opponents|observers|insiders|officials|sources) (?:say|said|claim|argue|warn|agree)",
        "critics",
    ),
    (r"(?:many|some) (?:people )?(?:say|believe|argue|claim)", "some say"),
    (r"it is (?:widely )?(?:said|known|believed|thought|reported) that", "it is said"),
    (r"(?:there is|we have) (?:plenty of |clear |strong |growing )?evidence that", "the evidence"),
    (
        r"(?:cities|towns|countries|places|schools) that have (?:tried|built|done|adopted)",
        "places that tried it",
    ),
)

# A source a reader can look up: a named body or person before a reporting verb, 'according to' a
# name, a dated or titled report.
SOURCE_NAMED: Lexicon = (
    # (cues() ignores case: the names are told from vague words by the words, not the capitals)
    (
        r"according to (?!(?:some|many|most|experts|critics|studies|research|reports|sources)\b)\w+",
        "according to",
    ),
    (r"the (?:[A-Z][\w'-]+ ){1,4}(?:found|reported|recorded|says|said|showed|published)", "a named body"),
    (
        r"the (?:\w+ )?(?:council|county|ministry|department|office|agency|bureau|census|police|government"
        r"|university) (?:found|reported|recorded|says|said|published|counted)",
        "a named body",
    ),
    (r"\((?:19|20)\d\d\)|in (?:its|their|a) (?:19|20)\d\d (?:report|study|review|survey)", "a dated report"),
)

# Figures: numbers in digits or words, shares and multiples.
FIGURE: Lexicon = (
    (r"\d(?:[\d,.]*\d)?\s*(?:%|per ?cent|percent)", "a percentage"),
    (r"(?:£|\$|€)\s?\d(?:[\d,.]*\d)?(?:\s?(?:m|bn|million|billion|thousand))?", "a sum of money"),
    (r"\d(?:[\d,.]*\d)?(?:\s?(?:million|billion|thousand))?", "a number"),
    (
        # From ten up: "two days" describes, "fourteen collisions" counts.
        r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty"
        r"|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|millions?|billions?)"
        r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))? (?:percent|per cent|times|\w+s)\b",
        "a number in words",
    ),
    (r"(?:half|a third|a quarter|two thirds|three quarters) of", "a share"),
    (r"(?:two|three|four|five|six|seven|eight|nine) (?:percent|per cent|times)\b", "a small share"),
    (r"(?:doubled|tripled|halved|\w+fold)", "a multiple"),
)

# Claims of success with no measure: that something works, not by how much or against what.
SUCCESS: Lexicon = (
    (
        r"it works|(?:they|this|that) work(?:s|ed)?(?:\s+(?:well|wonders))?(?=[.!,;]|\s+(?:and|but)\b|$)",
        "it works",
    ),
    (r"(?:has|have|had) worked|is working|are working", "it has worked"),
    (
        r"(?:was|is|has been|proved|proven) (?:a )?(?:huge |great |real |resounding |clear )?success(?:ful)?",
        "a success",
    ),
    (r"worked wonders|paid off|delivered (?:real )?results|made (?:a|all the) difference", "it paid off"),
    (r"(?:is|was|has been|proved) effective", "effective"),
)

# A measure: what would tell how well it worked (a figure, a comparison, a before and after).
MEASURE: Lexicon = (
    (r"\d", "a number"),
    (r"(?:fell|rose|dropped|grew|increased|decreased|halved|doubled|cut) (?:by|from|to)", "a change"),
    (r"(?:compared (?:with|to)|than before|before and after)", "a comparison"),
)

# Cues that an objection is put in its weakest form: the other side caricatured, not quoted.
STRAWMAN: Lexicon = (
    (r"would (?:have|like) (?:us|you) (?:to )?believe", "would have us believe"),
    (
        r"(?:they|opponents|critics|some|others|people) (?:seem to |apparently )?"
        r"(?:think|believe|imagine|pretend) (?:that )?(?:we|people|everyone) (?:should|can|must|could)"
        r" (?:just|simply|all)",
        "they think we should just",
    ),
    (
        r"(?:just|simply|only) want(?:s)? (?:to )?(?:ban|stop|scrap|abolish|destroy|get rid of|punish)",
        "just want to ban",
    ),
    (
        r"(?:no|nobody|no one) (?:seriously|really) (?:believes|thinks|argues|claims)",
        "nobody seriously thinks",
    ),
    (
        r"the (?:tired|old|usual|familiar|predictable) (?:argument|claim|objection|line|refrain)",
        "the usual argument",
    ),
    (
        r"(?:some|critics|opponents|others)(?: \w+)? (?:will |would |may |might )?"
        r"(?:say|claim|argue|insist|pretend) (?:that )?(?:[\w']+ ){0,8}"
        r"(?:always|never|nothing|everything|everyone|nobody|any|every|forever)\b",
        "an objection put in absolute terms",
    ),
)

# Consequence claims: a step in a chain of cause and effect (what follows from what).
CONSEQUENCE: Lexicon = (
    *CAUSAL,
    (r"will(?! have)\s+(?:\w+ly\s+)?\w+|won'?t|(?:is|are) going to", "will"),
    (r"(?:mean|means|meant) (?:that |more |fewer |less )", "means"),
    (r"pay(?:s)? for (?:itself|themselves)", "pays for itself"),
    (r"(?:so|therefore|in turn)\b", "so"),
    (
        r"(?:make|makes|made) (?:\w+ ){0,3}(?:healthier|safer|richer|poorer|cheaper|better|worse)",
        "makes it better",
    ),
)
