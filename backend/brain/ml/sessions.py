"""Learning engagement and focus from recorded sessions, per tenant, and predicting with what was learnt."""

from brain.analytics import Session
from brain.errors import InvalidInputError
from brain.ml.logistic import LogisticModel
from brain.ml.outcomes import LearnerKey
from brain.ml.session_models import (
    SESSION_MODELS,
    SessionModel,
    SessionPrediction,
    examples,
    fit_session_model,
    predict_session,
)
from brain.ml.store import LearnerStore

# A tenant's models are refitted on its newest examples, which bounds the work of recording a session.
FIT_ON_NEWEST = 5000


class SessionLearning:
    def __init__(self, store: LearnerStore) -> None:
        self._store = store

    async def record(self, learner: LearnerKey, session_id: str, session: Session) -> int:
        """Replaces the session's examples (a session recorded again as it grew counts once), refits each
        model on the tenant's examples, and returns how many examples the session gave."""
        if not session_id:
            raise InvalidInputError("session.session_id", "required to record a session")
        given = 0
        for model in SESSION_MODELS:
            found = examples(model, session)
            given += len(found)
            await self._store.replace_session_examples(learner, model.name, session_id, found)
            fitted = fit_session_model(model, await self._store.session_examples(learner, model.name, FIT_ON_NEWEST))
            if fitted is not None:
                await self._store.save_model_parameters(learner.tenant_id, model.name, fitted.to_json())
        return given

    async def predict(self, learner: LearnerKey, model: SessionModel, session: Session) -> SessionPrediction:
        parameters = await self._store.model_parameters(learner.tenant_id, model.name)
        fitted = LogisticModel.from_json(parameters) if parameters else None
        return predict_session(model, fitted, session)
