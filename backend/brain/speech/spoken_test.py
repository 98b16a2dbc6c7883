from itertools import groupby

from brain.speech.evalset import ADULT_PITCH, ADULT_VOICE, north_wind
from brain.speech.spoken import spoken_words
from brain.speech.targets import target_words
from brain.speech.testing import clip_of

# 49 words: seven pieces, most of which the search finds no way through in espeak-ng's adult voice, alone or joined.
PASSAGE = north_wind(49)


def test_a_passage_whose_pieces_the_search_loses_has_every_word_heard_in_order(evalset):
    """A piece no search gets through keeps its words as the forced alignment placed them (before, the pieces were
    joined until the search ran over the whole rest of the clip, which it lost too: 8 words of 48 were heard)."""
    clip = clip_of(evalset.said(PASSAGE, voice=ADULT_VOICE, pitch=ADULT_PITCH, words_per_minute=160))

    words = spoken_words(clip, target_words(PASSAGE), None)

    said = [text for text, _ in groupby(word.text for word in words if not word.partial)]
    assert said == PASSAGE.split()
    assert [word.start_ms for word in words] == sorted(word.start_ms for word in words)


def test_a_short_target_the_search_gets_no_way_through_in_one_piece_has_every_word_heard_in_pieces(evalset):
    """20 words, under the three pieces' worth that are always cut: in espeak-ng's adult voice at 160 words per minute
    the search in one piece heard none of them (and dictation was read instead)."""
    text = " ".join(PASSAGE.split()[:20])
    clip = clip_of(evalset.said(text, voice=ADULT_VOICE, pitch=ADULT_PITCH, words_per_minute=160))

    words = spoken_words(clip, target_words(text), None)

    said = [text for text, _ in groupby(word.text for word in words if not word.partial)]
    assert said == text.split()
