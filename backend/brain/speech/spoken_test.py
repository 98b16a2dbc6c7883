from itertools import groupby

from brain.speech.evalset import ADULT_PITCH, ADULT_VOICE
from brain.speech.spoken import spoken_words
from brain.speech.targets import target_words
from brain.speech.testing import clip_of

# 48 words: six pieces, most of which the search finds no way through in espeak-ng's adult voice, alone or joined.
PASSAGE = (
    "the north wind and the sun were disputing which was the stronger when a traveler came along wrapped in a "
    "warm cloak they agreed that the one who first succeeded in making the traveler take his cloak off should be "
    "considered stronger than the other then the north wind"
)


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
