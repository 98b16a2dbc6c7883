"""The evaluation set, made once per test run into a temporary folder."""

import pytest

from brain.speech.evalset import EvalSet, missing_tools


@pytest.fixture(scope="session")
def evalset(tmp_path_factory) -> EvalSet:
    if missing := missing_tools():
        pytest.skip(f"the speech evaluation set needs {', '.join(missing)} (scripts/setup.sh installs them)")
    return EvalSet(tmp_path_factory.mktemp("speech-evalset"))
