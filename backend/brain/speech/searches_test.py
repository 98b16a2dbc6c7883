import pytest
from pocketsphinx import Decoder

from brain.speech.audio import ANALYSIS_RATE_HZ, Clip
from brain.speech.searches import GrammarSearches
from brain.speech.targets import jsgf
from brain.speech.testing import clip_of

WORDS = "red blue green black white brown pink gray gold tan".split()


def _decoder() -> Decoder:
    return Decoder(samprate=ANALYSIS_RATE_HZ, loglevel="FATAL", lm=None)


def _heard(decoder: Decoder, clip: Clip) -> str | None:
    decoder.start_utt()
    decoder.process_raw(clip.pcm16(), full_utt=True)
    decoder.end_utt()
    hypothesis = decoder.hyp()
    return hypothesis.hypstr if hypothesis else None


def test_the_grammars_held_never_exceed_the_budget_and_the_decoder_forgets_the_rest():
    decoder = _decoder()
    grammars = [jsgf(f"{a} {b}") for a in WORDS for b in WORDS]
    budget = 3 * len(grammars[0])
    searches = GrammarSearches(decoder, budget)
    names = []

    held_chars = []
    for grammar in grammars:
        searches.activate(grammar)
        names.append(decoder.current_search())
        held_chars.append(sum(map(len, searches.grammars)))

    held = searches.grammars
    assert max(held_chars) <= budget
    assert held == grammars[-len(held) :]
    for name in names[: -len(held)]:
        with pytest.raises(KeyError):
            decoder.activate_search(name)


def test_a_grammar_heard_again_reuses_its_search_and_outlives_those_used_less_recently():
    decoder = _decoder()
    first, second, third = (jsgf(word) for word in WORDS[:3])
    searches = GrammarSearches(decoder, 2 * max(map(len, (first, second, third))))
    searches.activate(first)
    first_search = decoder.current_search()
    searches.activate(second)

    searches.activate(first)
    again = decoder.current_search()
    searches.activate(third)

    assert again == first_search
    assert searches.grammars == [first, third]


def test_a_grammar_larger_than_the_whole_budget_is_still_searched():
    decoder = _decoder()
    searches = GrammarSearches(decoder, 10)
    grammar = jsgf(" | ".join(WORDS))

    searches.activate(grammar)

    assert searches.grammars == [grammar]
    assert decoder.current_search() is not None


def test_a_grammar_removed_and_built_again_hears_the_same_words_with_the_pronunciations_added_before(evalset):
    decoder = _decoder()
    decoder.add_word("wabbit", "W AE B AH T", update=False)
    clip = clip_of(evalset.said("the red wabbit"))
    grammar = jsgf("the red (rabbit | wabbit)")
    searches = GrammarSearches(decoder, len(grammar))
    searches.activate(grammar)
    before = _heard(decoder, clip)

    for word in WORDS:
        searches.activate(jsgf(word))
    removed = grammar not in searches.grammars
    searches.activate(grammar)
    after = _heard(decoder, clip)

    assert removed
    assert before == after == "the red wabbit"
