"""Helpers for speech tests: clips from files, and the real recordings beside the checkout."""

from pathlib import Path

import numpy as np
import pytest

from brain.speech.audio import ANALYSIS_RATE_HZ, AudioFormat, Clip, decode_audio

SPEECH_SAMPLES = Path(__file__).resolve().parents[3].parent / "shared" / "speech-samples"


def clip_of(path: Path) -> Clip:
    return decode_audio(path.read_bytes(), AudioFormat.AUTO, 0, 120)


def speech_sample(name: str) -> Path:
    """One of the real recordings in ../shared/speech-samples; skips the test when the folder is absent."""
    path = SPEECH_SAMPLES / name
    if not path.exists():
        pytest.skip(f"{path} is absent: the real speech recordings live beside the checkout")
    return path


def tone(seconds: float, hz: float = 220.0, amplitude: float = 0.5, rate: int = ANALYSIS_RATE_HZ) -> np.ndarray:
    t = np.arange(round(seconds * rate)) / rate
    return (amplitude * np.sin(2 * np.pi * hz * t)).astype(np.float32)
