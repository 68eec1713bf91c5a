"""The closed lists of verbs that attribute words to a speaker (quote cues)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def _forms(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


# Word forms, not lemmas: the lemmatizer is disabled for speed, and the list is closed.
SPEECH_CUES = _forms(
    """say says said saying tell tells told telling add adds added adding state states
    stated note notes noted noting stress stresses stressed insist insists insisted
    insisting urge urges urged urging argue argues argued arguing warn warns warned
    warning conclude concludes concluded ask asks asked asking explain explains explained
    explaining claim claims claimed claiming announce announces announced write writes
    wrote written tweet tweets tweeted tweeting declare declares declared reply replies
    replied respond responds responded continue continues continued predict predicts
    predicted promise promises promised vow vows vowed pledge pledges pledged deny denies
    denied confirm confirms confirmed recall recalls recalled complain complains
    complained contend contends contended maintain maintains maintained emphasize
    emphasizes emphasized emphasise emphasised assert asserts asserted allege alleges
    alleged reveal reveals revealed testify testified repeat repeats repeated comment
    commented remark remarks remarked acknowledge acknowledges acknowledged admit admits
    admitted suggest suggests suggested report reports reported quip quipped joke joked
    shout shouted yell yelled exclaim exclaimed boast boasted counter countered retort
    retorted observe observes observed concede concedes conceded charge charged lament
    lamented posted wrote explain told insist telling writes reiterated reiterate
    reiterates cautioned cautions caution recounted recalled described describes
    called calls answer answers answered read reads writing quipped quips wondered
    wonders proclaim proclaims proclaimed proclaiming declaring stating remarking
    tweet tweeting post posts posting boomed thundered scoffed snapped mused sighed
    recounts recounting predicting pledging vowing assure assures assured assuring
    concluding reiterating countering retorting"""
)
# Verbs that attribute words only when the words are quoted in their complement:
# Trump criticised Khan for making “very rude statements”.
PARTIAL_CUES = _forms(
    """criticize criticizes criticized criticise criticised criticising criticizing slam
    slams slammed slamming blast blasts blasted accuse accuses accused accusing praise
    praises praised mock mocks mocked mocking label labels labeled labelled labeling
    labelling describe describing dub dubs dubbed brand brands branded branding refer
    refers referred referring thank thanks thanked chant chants chanted echo echoes
    echoed echoing bemoan bemoans bemoaned decry decries decried condemn condemns
    condemned applaud applauds applauded cite cites cited citing quote quotes quoted
    quoting deride derides derided dismiss dismisses dismissed lambaste lambasted
    characterize characterized characterizes insult insulted attack attacked attacks
    blame blamed blames tout touts touted hail hails hailed call calling reference
    references referenced referencing"""
)
# Attributions of belief count as reported speech only without quotation marks.
BELIEF_CUES = _forms(
    """believe believes believed think thinks thought feel feels felt fear fears feared
    hope hopes hoped expect expects expected know knows knew"""
)


def is_cue(tok: Token, partial: bool = False) -> bool:
    """A speech verb; with ``partial``, also the verbs that only attribute quoted words."""
    lower = tok.lower_
    if tok.pos_ in {"VERB", "AUX"} and (
        lower in SPEECH_CUES or (partial and lower in PARTIAL_CUES)
    ):
        return True
    return lower == "according" and any(c.lower_ == "to" for c in tok.children)
