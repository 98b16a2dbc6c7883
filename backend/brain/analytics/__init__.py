"""Focus analytics: a focus score, a break recommendation and an attention analysis of one session.

Plain Python over frozen dataclasses; no transport. The three analyses share one feature extraction
(features.py) and each explains what it saw.
"""

from brain.analytics.attention import AttentionAnalysis, AttentionSpan, Vigilance, analyze_attention
from brain.analytics.breaks import BreakReason, BreakReasonKind, BreakRecommendation, recommend_break
from brain.analytics.lapses import Lapse, LapseCause
from brain.analytics.score import FocusLevel, FocusScore, ScoreComponent, score_focus
from brain.analytics.session import Answer, Event, FocusLost, Idle, Session

__all__ = [
    "Answer",
    "AttentionAnalysis",
    "AttentionSpan",
    "BreakReason",
    "BreakReasonKind",
    "BreakRecommendation",
    "Event",
    "FocusLevel",
    "FocusLost",
    "FocusScore",
    "Idle",
    "Lapse",
    "LapseCause",
    "ScoreComponent",
    "Session",
    "Vigilance",
    "analyze_attention",
    "recommend_break",
    "score_focus",
]
