"""When errors stop being typical: published consonant-acquisition ages and process elimination ages."""

from brain.speech.processes import (
    BACKING,
    CLUSTER_REDUCTION,
    DISTORTIONS,
    FINAL_CONSONANT_DELETION,
    GLIDING,
    STOPPING,
    VELAR_FRONTING,
)

SOURCE = (
    "Crowe & McLeod 2020, AJSLP 29(4): age of consonant acquisition at the 90% criterion (18,907 US children); "
    "process elimination ages from clinical charts (final consonant deletion 3;0, velar fronting 3;6, cluster "
    "reduction 4;0 or 5;0 with /s/, stopping 3;0-5;0 by sound, gliding 6;0); backing is atypical at any age"
)

# Mean age in months at which 90% of children produce each consonant right (Crowe & McLeod 2020).
ACQUISITION_MONTHS = {
    "B": 31.4, "N": 33.1, "M": 33.2, "P": 33.2, "HH": 35.0, "W": 35.2, "D": 35.7, "G": 36.8, "K": 37.7,
    "T": 38.5, "F": 38.3, "NG": 40.3, "Y": 45.8, "V": 50.8, "JH": 51.0, "S": 51.3, "CH": 53.5, "L": 53.8,
    "SH": 55.0, "Z": 56.8, "R": 66.6, "DH": 69.0, "ZH": 70.7, "TH": 77.0,
}  # fmt: skip
_STOPPING_MONTHS = {"F": 36, "S": 36, "V": 42, "Z": 42, "SH": 54, "CH": 54, "JH": 54, "TH": 60, "DH": 60}
_PROCESS_MONTHS = {FINAL_CONSONANT_DELETION: 36, VELAR_FRONTING: 42, GLIDING: 72}
ATYPICAL = 0


def typical_by_months(process: str, target_phoneme: str, cluster: tuple[str, ...] = ()) -> int:
    """The age by which the error is usually gone: the later of the process's elimination and the sound's
    acquisition, since a child may still make it while either is ahead. ATYPICAL (0) for atypical processes; for
    a distortion the sound's acquisition alone."""
    if process == BACKING:
        return ATYPICAL
    if not process or process in DISTORTIONS:
        return round(ACQUISITION_MONTHS[target_phoneme])
    if process == CLUSTER_REDUCTION:
        process_months = 60 if "S" in cluster else 48
    elif process == STOPPING:
        process_months = _STOPPING_MONTHS[target_phoneme]
    else:
        process_months = _PROCESS_MONTHS[process]
    return max(process_months, round(ACQUISITION_MONTHS.get(target_phoneme, 0)))


def age_appropriate(typical_by: int, child_age_months: int) -> bool:
    return typical_by != ATYPICAL and child_age_months < typical_by
