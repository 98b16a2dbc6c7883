"""Learner models, each learning from data and answering with its confidence:

- difficulty: Elo ability per learner and skill (elo.py, difficulty.py), updated by recorded outcomes;
- learning path: BKT mastery per skill over a prerequisite graph (bkt.py, learning_path.py);
- content: a linear Thompson-sampling bandit over a catalog, rewarded by mastery gains (bandit.py, content.py);
- observed modality preference: a Beta posterior per modality (modality.py);
- engagement and focus: logistic models over the focus analytics' features, fitted per tenant from recorded
  sessions (logistic.py, session_models.py, sessions.py);
- emotion: VADER valence and voice arousal (emotion.py).

Plain Python with no transport; store.py keeps the state per tenant in the brain's database, and
simulation.py measures the models against simulated learners whose truth is known.
"""
