import numpy as np

from brain.speech import cues
from brain.speech.obstruents import no_error


def spectra(band_limited: bool) -> cues.Spectra:
    frames = np.zeros(4)
    return cues.Spectra(np.zeros((4, 129)), frames, frames, frames, band_limited)


FULL_BAND, BAND_LIMITED = spectra(False), spectra(True)
BIG = ("B", "IH", "G")
ASK = ("AE", "S", "K")
COUNTRY = ("K", "AH", "N", "T", "R", "IY")


def test_a_last_stop_heard_at_the_next_words_place_is_assimilation_but_at_another_place_an_error():
    assert no_error(FULL_BAND, BIG, 2, "D", "D")
    assert not no_error(FULL_BAND, BIG, 2, "D", "W")
    assert not no_error(FULL_BAND, BIG, 2, "D", None)


def test_a_stops_place_is_no_error_where_the_recording_lacks_the_band_an_alveolar_burst_shows_in():
    assert no_error(BAND_LIMITED, COUNTRY, 3, "K", None)
    assert not no_error(FULL_BAND, COUNTRY, 3, "K", None)


def test_a_last_stop_left_out_after_a_fricative_before_a_consonant_is_elision_but_not_before_a_vowel_or_at_the_end():
    assert no_error(FULL_BAND, ASK, 2, "", "W")
    assert not no_error(FULL_BAND, ASK, 2, "", "AH")
    assert not no_error(FULL_BAND, ASK, 2, "", None)
    assert not no_error(FULL_BAND, BIG, 2, "", "D")


def test_a_stop_left_out_before_another_stop_of_its_word_is_held_unreleased_but_before_a_vowel_an_error():
    wrapped = ("R", "AE", "P", "T")

    assert no_error(FULL_BAND, wrapped, 2, "", "IH")
    assert not no_error(FULL_BAND, wrapped, 3, "", "IH")
