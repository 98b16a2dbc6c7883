from brain.speech.phonemes import VOWELS
from brain.speech.targets import target_words
from brain.speech.testing import clip_of
from brain.speech.transcription import transcribe_locally
from brain.speech.vowels import spoken_vowels

SENTENCE = "my dog likes to run in the park"


def test_with_a_target_each_of_its_vowels_is_found_in_time_order_inside_the_recording(evalset):
    clip = clip_of(evalset.said(SENTENCE))
    targets = target_words(SENTENCE)

    vowels = spoken_vowels(clip, None, targets, None)

    assert len(vowels) == sum(phone in VOWELS for word in targets for phone in word.phones)
    assert all(0 <= start < end <= clip.duration_s * 1000 for start, end in vowels)
    assert [start for start, _ in vowels] == sorted(start for start, _ in vowels)


def test_with_only_a_transcript_its_words_vowels_are_found(evalset):
    clip = clip_of(evalset.said(SENTENCE, voice="en-us", pitch=50))

    assert spoken_vowels(clip, None, None, transcribe_locally(clip))


def test_without_words_there_are_no_vowels_to_measure(evalset):
    assert spoken_vowels(clip_of(evalset.said(SENTENCE)), None, None, None) is None
